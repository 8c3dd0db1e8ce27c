using System;
using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;

namespace GptImage.Commands
{
    /// <summary>
    /// Holds the Connect-GptImage defaults per runspace, so two runspaces in one process (ForEach-Object
    /// -Parallel, hosted runspace pools) never see each other's key. The assembly is loaded once per process,
    /// hence a static table keyed by the runspace's id.
    /// </summary>
    internal static class ConnectionStore
    {
        private static readonly ConcurrentDictionary<Guid, GptImageConnection> Connections = new ConcurrentDictionary<Guid, GptImageConnection>();

        private static Guid CurrentRunspaceId => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

        public static GptImageConnection? Current => Connections.TryGetValue(CurrentRunspaceId, out var c) ? c : null;

        public static void Set(GptImageConnection connection) => Connections[CurrentRunspaceId] = connection;

        /// <summary>Forgets the current runspace's connection; true when there was one.</summary>
        public static bool Clear() => Connections.TryRemove(CurrentRunspaceId, out _);
    }
}
