using System.Collections.Concurrent;
using System.Security.Cryptography;
using System;

namespace GptImage.Emulator.Conversations
{
    /// <summary>A response the emulator answered: what a later turn's previous_response_id continues from.</summary>
    internal sealed record StoredResponse(string Id, int Width, int Height, string Format, bool Transparent, byte[] Image, long ContextTokens);

    /// <summary>
    /// The responses answered so far, by id, so that previous_response_id works across calls (and across resets of the
    /// knobs and counters, as the real API keeps responses whatever the client does). Bounded: the oldest are forgotten.
    /// </summary>
    internal sealed class ResponseStore
    {
        private const int Capacity = 2000;
        private readonly ConcurrentDictionary<string, StoredResponse> _byId = new ConcurrentDictionary<string, StoredResponse>(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _order = new ConcurrentQueue<string>();

        public static string NewId(string prefix) => prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

        public StoredResponse? Get(string id) => _byId.TryGetValue(id, out StoredResponse? stored) ? stored : null;

        public void Add(StoredResponse response)
        {
            _byId[response.Id] = response;
            _order.Enqueue(response.Id);
            while (_order.Count > Capacity && _order.TryDequeue(out string? oldest)) _byId.TryRemove(oldest, out _);
        }
    }
}
