using System;
using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>
    /// Turns a blank text value into null before PowerShell converts it to the parameter's type. Needed on the
    /// numeric options that bind by property name: PowerShell converts "" to 0 for [int] and [int?] alike
    /// (LanguagePrimitives returns numeric zero for an empty string), so an Import-Csv row with a blank Count
    /// or Compression cell would otherwise ask for 0 images or 0% compression (and fail every png row)
    /// instead of meaning "not given, the API default applies".
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class BlankAsNullAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            IsBlankText(inputData is PSObject wrapped ? wrapped.BaseObject : inputData) ? null : inputData;

        /// <summary>True for text that is empty or only white space (a blank CSV cell); false for anything else.</summary>
        internal static bool IsBlankText(object? value) => value is string text && string.IsNullOrWhiteSpace(text);
    }
}
