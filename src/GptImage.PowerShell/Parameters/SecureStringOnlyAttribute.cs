using System;
using System.Management.Automation;
using System.Security;

namespace GptImage.Commands
{
    /// <summary>
    /// Refuses anything but a SecureString for -ApiKey with a message that never holds the value. Without it a
    /// plain-text key (-ApiKey $env:OPENAI_API_KEY) fails PowerShell's own conversion, whose error reads
    /// 'Cannot convert the "sk-..." value of type "System.String" to type "System.Security.SecureString"': the
    /// key would land in $Error, transcripts and CI logs. Argument transformations run before that conversion,
    /// and PowerShell reports a failing one with this message only.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecureStringOnlyAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            string? refusal = Refusal(inputData is PSObject wrapped ? wrapped.BaseObject : inputData);
            if (refusal != null) throw new ArgumentException(refusal);
            return inputData;
        }

        /// <summary>Null when the value may bind (a SecureString, or null); else the message, which names the type but never the value.</summary>
        internal static string? Refusal(object? value) =>
            value is null || value is SecureString
                ? null
                : $"-ApiKey takes a SecureString, not a {value.GetType().Name} (the value is not shown). Leave -ApiKey out to use $env:OPENAI_API_KEY, "
                  + "use Read-Host -AsSecureString, or convert with ConvertTo-SecureString -AsPlainText -Force.";
    }
}
