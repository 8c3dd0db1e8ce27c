using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;

namespace GptImage.Commands
{
    /// <summary>The emulators started from each runspace, so Stop-GptImageEmulator without arguments stops this runspace's own.</summary>
    internal static class RunningEmulators
    {
        private static readonly List<(Guid Runspace, GptImageEmulator Emulator)> All = new List<(Guid, GptImageEmulator)>();

        private static Guid CurrentRunspaceId => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

        public static void Add(GptImageEmulator emulator)
        {
            lock (All) All.Add((CurrentRunspaceId, emulator));
        }

        /// <summary>This runspace's emulators, the latest first (stopping in that order restores the session step by step).</summary>
        public static IReadOnlyList<GptImageEmulator> OfThisRunspace()
        {
            Guid id = CurrentRunspaceId;
            lock (All) return All.Where(e => e.Runspace == id).Select(e => e.Emulator).Reverse().ToList();
        }

        public static bool Remove(GptImageEmulator emulator)
        {
            lock (All) return All.RemoveAll(e => ReferenceEquals(e.Emulator, emulator)) > 0;
        }
    }
}
