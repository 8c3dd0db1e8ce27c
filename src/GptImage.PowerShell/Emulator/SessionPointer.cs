using System;

namespace GptImage.Commands
{
    /// <summary>
    /// Points the session at an emulator and back. The runspace's connection (what this runspace's cmdlets use
    /// first, even over an earlier Connect-GptImage with a real key) and OPENAI_BASE_URL / OPENAI_API_KEY (what
    /// other runspaces, jobs and child processes read) are set together and restored together.
    /// </summary>
    internal sealed class SessionPointer
    {
        private const string BaseUrlVariable = "OPENAI_BASE_URL";
        private const string KeyVariable = "OPENAI_API_KEY";

        // Any key works with the emulator unless it was started with --api-key; this one is obviously not a real one.
        internal const string EmulatorKey = "sk-gptimage-emulator";

        private readonly GptImageConnection? _connection;
        private readonly string? _baseUrl;
        private readonly string? _key;

        private SessionPointer(GptImageConnection? connection, string? baseUrl, string? key)
        {
            _connection = connection;
            _baseUrl = baseUrl;
            _key = key;
        }

        /// <summary>Remembers the session's settings, then points the session at <paramref name="baseUrl"/>.</summary>
        public static SessionPointer PointAt(string baseUrl, string key)
        {
            var saved = new SessionPointer(ConnectionStore.Current, Environment.GetEnvironmentVariable(BaseUrlVariable), Environment.GetEnvironmentVariable(KeyVariable));
            using (var secure = new System.Security.SecureString())
            {
                foreach (char c in key) secure.AppendChar(c);
                ConnectionStore.Set(new GptImageConnection(baseUrl, secure, null, null, null, null));
            }
            Environment.SetEnvironmentVariable(BaseUrlVariable, baseUrl);
            Environment.SetEnvironmentVariable(KeyVariable, key);
            return saved;
        }

        /// <summary>Puts back what was there before <see cref="PointAt"/>.</summary>
        public void Restore()
        {
            if (_connection != null) ConnectionStore.Set(_connection);
            else ConnectionStore.Clear();
            Environment.SetEnvironmentVariable(BaseUrlVariable, _baseUrl);
            Environment.SetEnvironmentVariable(KeyVariable, _key);
        }
    }
}
