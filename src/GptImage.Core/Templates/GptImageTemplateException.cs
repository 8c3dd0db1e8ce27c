using System;

namespace GptImage.Templates
{
    /// <summary>A template file that cannot be used: the message names the file and the field, and says what is allowed.</summary>
    public sealed class GptImageTemplateException : ArgumentException
    {
        public GptImageTemplateException(string filePath, string field, string problem)
            : base($"Template file '{filePath}': {(field.Length == 0 ? string.Empty : "field '" + field + "' ")}{problem}")
        {
            FilePath = filePath;
            Field = field;
        }

        /// <summary>Stable id: GptImage.InvalidTemplateFile.</summary>
        public string ErrorId => ErrorIds.InvalidTemplateFile;

        public string FilePath { get; }

        /// <summary>The field at fault, dotted for nested ones (Placeholders.Product.Description); empty for the file as a whole.</summary>
        public string Field { get; }
    }
}
