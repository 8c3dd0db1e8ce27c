using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>
    /// ValidateSet for the typed value of an optional request option: the value must be one of the listed ones
    /// (any case), but null and "" pass and mean "not given, the API default applies" (PowerShell's own
    /// ValidateSet rejects them, so a splatted $null would fail). Values from a piped row's cells are never bound
    /// here: the core checks them per row and model (RowRequestBuilder). Tab completion comes from
    /// <see cref="OptionalSetCompleter"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateOptionalSetAttribute : ValidateArgumentsAttribute
    {
        private readonly string[] _validValues;

        public ValidateOptionalSetAttribute(params string[] validValues)
        {
            _validValues = validValues ?? throw new ArgumentNullException(nameof(validValues));
        }

        public IList<string> ValidValues => _validValues.ToList();

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            object? value = arguments is PSObject pso ? pso.BaseObject : arguments;
            string? text = value?.ToString();
            if (string.IsNullOrWhiteSpace(text)) return;
            if (_validValues.Any(v => string.Equals(v, text!.Trim(), StringComparison.OrdinalIgnoreCase))) return;
            throw new ValidationMetadataException(
                $"'{text}' is not allowed. Allowed values: {string.Join(", ", _validValues)} (or leave it empty for the API default).");
        }
    }
}
