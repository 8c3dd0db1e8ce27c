using System.Collections.ObjectModel;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace GptImage.PowerShell.Tests.Infrastructure
{
    /// <summary>
    /// Renders a compiled cmdlet's user-facing contract as text, read from CustomAttributeData only:
    ///   Verb-Noun class=... sealed ShouldProcess=... ConfirmImpact=... DefaultSet=... Output=A,B
    ///   -Name type [aliases: A, B] {Set: M P0 V N} ... [ValidateSet: a|b] [ValidateRange: x..y] [DontShow]
    /// where M = Mandatory, Pn = Position n, V = ValueFromPipeline, N = ValueFromPipelineByPropertyName and
    /// '*' is every parameter set. Tests compare it with the contract written out by hand.
    /// </summary>
    internal static class CmdletDescriber
    {
        private const string Sma = "System.Management.Automation.";
        private const string AllSets = "__AllParameterSets";

        public static string Describe(Type cmdlet)
        {
            var text = new StringBuilder();
            text.AppendLine(Header(cmdlet));
            foreach (PropertyInfo property in cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var parameterAttributes = Attributes(property, "ParameterAttribute");
                if (parameterAttributes.Count == 0) continue;
                text.AppendLine(Parameter(property, parameterAttributes));
            }
            return text.ToString().TrimEnd();
        }

        public static string VerbNoun(Type cmdlet)
        {
            var attribute = cmdlet.GetCustomAttributesData().Single(a => a.AttributeType.FullName == ModuleMetadata.CmdletAttribute);
            return $"{attribute.ConstructorArguments[0].Value}-{attribute.ConstructorArguments[1].Value}";
        }

        private static string Header(Type cmdlet)
        {
            var attribute = cmdlet.GetCustomAttributesData().Single(a => a.AttributeType.FullName == ModuleMetadata.CmdletAttribute);
            bool shouldProcess = Named(attribute, "SupportsShouldProcess") is bool b && b;
            object? impact = Named(attribute, "ConfirmImpact");
            string? defaultSet = Named(attribute, "DefaultParameterSetName") as string;
            var outputs = Attributes(cmdlet, "OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(Values)
                .Select(v => v is Type t ? t.FullName : v?.ToString())
                .ToList();
            var header = new StringBuilder();
            header.Append(VerbNoun(cmdlet)).Append(" class=").Append(cmdlet.Name);
            if (cmdlet.IsSealed) header.Append(" sealed");
            header.Append(" ShouldProcess=").Append(shouldProcess);
            if (impact != null) header.Append(" ConfirmImpact=").Append(ConfirmImpactName(Convert.ToInt32(impact, CultureInfo.InvariantCulture)));
            if (defaultSet != null) header.Append(" DefaultSet=").Append(defaultSet);
            header.Append(" Output=").Append(string.Join(",", outputs));
            return header.ToString();
        }

        private static string Parameter(PropertyInfo property, IReadOnlyList<CustomAttributeData> parameterAttributes)
        {
            var line = new StringBuilder();
            line.Append('-').Append(property.Name).Append(' ').Append(TypeName(property.PropertyType));

            var aliases = Attributes(property, "AliasAttribute").SelectMany(a => a.ConstructorArguments).SelectMany(Values).Select(v => v?.ToString()).ToList();
            if (aliases.Count > 0) line.Append(" [aliases: ").Append(string.Join(", ", aliases)).Append(']');

            bool dontShow = false;
            foreach (var attribute in parameterAttributes.OrderBy(a => SetName(a), StringComparer.Ordinal))
            {
                var flags = new List<string>();
                if (Named(attribute, "Mandatory") is bool m && m) flags.Add("M");
                if (Named(attribute, "Position") is int position && position >= 0) flags.Add("P" + position.ToString(CultureInfo.InvariantCulture));
                if (Named(attribute, "ValueFromPipeline") is bool v && v) flags.Add("V");
                if (Named(attribute, "ValueFromPipelineByPropertyName") is bool n && n) flags.Add("N");
                if (Named(attribute, "DontShow") is bool d && d) dontShow = true;
                string set = SetName(attribute);
                line.Append(" {").Append(set == AllSets ? "*" : set).Append(':');
                if (flags.Count > 0) line.Append(' ').Append(string.Join(" ", flags));
                line.Append('}');
            }

            foreach (var set in Attributes(property, "ValidateSetAttribute"))
            {
                line.Append(" [ValidateSet: ").Append(string.Join("|", set.ConstructorArguments.SelectMany(Values))).Append(']');
                if (Named(set, "IgnoreCase") is bool ignoreCase && !ignoreCase) line.Append("[case-sensitive]");
            }
            foreach (var set in property.GetCustomAttributesData().Where(a => a.AttributeType.Name == "ValidateOptionalSetAttribute"))
                line.Append(" [ValidateOptionalSet: ").Append(string.Join("|", set.ConstructorArguments.SelectMany(Values))).Append(']');
            foreach (var range in Attributes(property, "ValidateRangeAttribute"))
                line.Append(" [ValidateRange: ").Append(Format(range.ConstructorArguments[0].Value)).Append("..").Append(Format(range.ConstructorArguments[1].Value)).Append(']');
            if (dontShow) line.Append(" [DontShow]");
            return line.ToString();
        }

        private static string SetName(CustomAttributeData parameter) => Named(parameter, "ParameterSetName") as string ?? AllSets;

        private static IReadOnlyList<CustomAttributeData> Attributes(MemberInfo member, string smaName) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Sma + smaName).ToList();

        private static object? Named(CustomAttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
                if (argument.MemberName == name) return argument.TypedValue.Value;
            return null;
        }

        /// <summary>params arrays arrive as a ReadOnlyCollection of typed arguments.</summary>
        private static IEnumerable<object?> Values(CustomAttributeTypedArgument argument) =>
            argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { argument.Value };

        private static string Format(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";

        private static string ConfirmImpactName(int value) => value switch { 0 => "None", 1 => "Low", 2 => "Medium", 3 => "High", _ => value.ToString(CultureInfo.InvariantCulture) };

        private static string TypeName(Type type)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
                return TypeName(type.GetGenericArguments()[0]) + "?";
            if (type.IsArray) return TypeName(type.GetElementType()!) + "[]";
            return type.FullName switch
            {
                "System.String" => "string",
                "System.Int32" => "int",
                "System.Double" => "double",
                "System.Decimal" => "decimal",
                "System.Boolean" => "bool",
                "System.Management.Automation.SwitchParameter" => "switch",
                _ => type.FullName ?? type.Name,
            };
        }
    }
}
