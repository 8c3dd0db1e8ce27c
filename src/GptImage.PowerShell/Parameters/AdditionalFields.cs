using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;

namespace GptImage.Commands
{
    /// <summary>
    /// -AdditionalBody and -AdditionalHeader as the core takes them: nested hashtables and arrays become dictionaries and
    /// lists (PSObject wrappers removed), header values text (a SecureString value is revealed only here, and shown as ***).
    /// The core checks them (no model, prompt or other field the module sends; no credential or framing header).
    /// </summary>
    internal sealed class AdditionalFields
    {
        private readonly HashSet<string> _hiddenHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public AdditionalFields(Hashtable? body, Hashtable? headers)
        {
            Body = body is null ? null : (IDictionary<string, object?>)ToTree(body)!;
            if (headers is null) return;
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in headers)
            {
                string name = entry.Key?.ToString() ?? string.Empty;
                object? value = entry.Value is PSObject pso ? pso.BaseObject : entry.Value;
                if (value is SecureString secure)
                {
                    _hiddenHeaders.Add(name);
                    values[name] = SecureStringText.Reveal(secure) ?? string.Empty;
                }
                else values[name] = value?.ToString() ?? string.Empty;
            }
            Headers = values;
        }

        public IDictionary<string, object?>? Body { get; }

        public IDictionary<string, string>? Headers { get; }

        /// <summary>Checks both before anything is sent (a GptImageValidationException names the parameter and the key).</summary>
        public void Check()
        {
            Wire.AdditionalBody.Check(Body, multipart: false);
            Wire.AdditionalHeaders.Check(Headers);
        }

        /// <summary>The headers as -WhatIf shows them: values of secret-looking names and of SecureStrings as ***.</summary>
        public string? DescribeHeaders() =>
            Headers is null || Headers.Count == 0 ? null
            : string.Join(", ", Headers.Select(h => h.Key + "=" + (_hiddenHeaders.Contains(h.Key) || Wire.AdditionalHeaders.LooksSecret(h.Key) ? SecretRedactor.Mask : h.Value)));

        private static object? ToTree(object? value)
        {
            if (value is PSObject pso) value = pso.BaseObject;
            switch (value)
            {
                case null: return null;
                case string text: return text;
                case IDictionary table:
                    var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in table) result[entry.Key?.ToString() ?? string.Empty] = ToTree(entry.Value);
                    return result;
                case IEnumerable list:
                    return list.Cast<object?>().Select(ToTree).ToList();
                default: return value;
            }
        }
    }
}
