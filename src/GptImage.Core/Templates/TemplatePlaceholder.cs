namespace GptImage.Templates
{
    /// <summary>One {Name} of a library template: what the row's column of that name should hold, and the value used without one.</summary>
    public sealed class TemplatePlaceholder
    {
        public TemplatePlaceholder(string name, string description, string? defaultValue)
        {
            Name = name;
            Description = description;
            Default = defaultValue;
        }

        /// <summary>The column name that fills it (case is ignored).</summary>
        public string Name { get; }

        public string Description { get; }

        /// <summary>Used when the row has no such column or a blank cell; null makes the placeholder required.</summary>
        public string? Default { get; }

        /// <summary>A row without a value for it is that row's error.</summary>
        public bool IsRequired => Default is null;

        public override string ToString() => IsRequired ? Name : Name + "='" + Default + "'";
    }
}
