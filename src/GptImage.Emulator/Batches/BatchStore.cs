using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace GptImage.Emulator.Batches
{
    /// <summary>The emulator's batches, in memory.</summary>
    internal sealed class BatchStore
    {
        private readonly ConcurrentDictionary<string, EmulatedBatch> _batches = new(StringComparer.Ordinal);

        public EmulatedBatch Create(string endpoint, string inputFileId, IReadOnlyDictionary<string, string>? metadata)
        {
            var batch = new EmulatedBatch("batch_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant(), endpoint, inputFileId, metadata);
            _batches[batch.Id] = batch;
            return batch;
        }

        public EmulatedBatch? Get(string id) => _batches.TryGetValue(id, out EmulatedBatch? batch) ? batch : null;

        /// <summary>Newest first, as the API lists them.</summary>
        public IReadOnlyList<EmulatedBatch> All() => _batches.Values.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).ToArray();
    }
}
