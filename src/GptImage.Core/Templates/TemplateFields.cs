namespace GptImage.Templates
{
    /// <summary>The field names of a template file (.psd1 or .json; case is ignored), in the order the prompt is composed.</summary>
    public static class TemplateFields
    {
        public const string Name = "Name";
        public const string Description = "Description";
        public const string Subject = "Subject";
        public const string Setting = "Setting";
        public const string Style = "Style";
        public const string Lighting = "Lighting";
        public const string Technical = "Technical";
        public const string Negative = "Negative";
        public const string Placeholders = "Placeholders";
        public const string Defaults = "Defaults";

        /// <summary>The prompt's parts, in prompt order.</summary>
        public static readonly string[] Parts = { Subject, Setting, Style, Lighting, Technical, Negative };

        internal static readonly string[] All = { Name, Description, Subject, Setting, Style, Lighting, Technical, Negative, Placeholders, Defaults };

        internal static readonly string[] PlaceholderFields = { "Description", "Default" };

        internal static readonly string[] DefaultFields = { "Size", "Quality", "Background", "OutputFormat" };
    }
}
