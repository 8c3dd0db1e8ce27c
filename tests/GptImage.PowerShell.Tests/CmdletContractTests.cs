using System.Reflection;
using GptImage.PowerShell.Tests.Contract;

namespace GptImage.PowerShell.Tests
{
    /// <summary>Every cmdlet, parameter, alias, pipeline flag, parameter set, value list and output type, read from the built module.</summary>
    public sealed class CmdletContractTests(ModuleMetadataFixture fixture) : IClassFixture<ModuleMetadataFixture>
    {
        private readonly ModuleMetadata _module = fixture.Metadata;

        public static TheoryData<string> CommandNames => new TheoryData<string>(ExpectedCommands.All.Keys);

        [Fact]
        public void The_module_compiles_exactly_the_expected_cmdlets()
        {
            var compiled = _module.CmdletTypes.Select(CmdletDescriber.VerbNoun).OrderBy(n => n).ToList();
            Assert.Equal(ExpectedCommands.All.Keys.OrderBy(n => n), compiled);
        }

        [Theory]
        [MemberData(nameof(CommandNames))]
        public void Cmdlet_matches_its_contract(string name)
        {
            Type cmdlet = _module.CmdletTypes.Single(t => CmdletDescriber.VerbNoun(t) == name);
            string actual = CmdletDescriber.Describe(cmdlet).Replace("\r\n", "\n");
            Assert.Equal(ExpectedCommands.All[name], actual);
        }

        [Fact]
        public void Cmdlets_are_sealed_public_classes_in_GptImage_Commands_one_file_each()
        {
            foreach (Type cmdlet in _module.CmdletTypes)
            {
                Assert.True(cmdlet.IsSealed && cmdlet.IsPublic, $"{cmdlet.Name} must be public and sealed");
                Assert.Equal("GptImage.Commands", cmdlet.Namespace);
                string file = Path.Combine(RepositoryPaths.Root, "src", "GptImage.PowerShell", "Commands", cmdlet.Name + ".cs");
                Assert.True(File.Exists(file), $"{cmdlet.Name} should live in Commands/{cmdlet.Name}.cs");
            }
        }

        [Fact]
        public void Every_parameter_set_named_by_a_cmdlet_has_at_least_one_parameter()
        {
            foreach (Type cmdlet in _module.CmdletTypes)
            {
                var attribute = cmdlet.GetCustomAttributesData().Single(a => a.AttributeType.FullName == ModuleMetadata.CmdletAttribute);
                string? defaultSet = attribute.NamedArguments.Where(a => a.MemberName == "DefaultParameterSetName").Select(a => a.TypedValue.Value as string).FirstOrDefault();
                if (defaultSet is null) continue;
                string description = CmdletDescriber.Describe(cmdlet);
                Assert.Contains("{" + defaultSet + ":", description);
            }
        }

        [Fact]
        public void The_connection_object_never_exposes_the_key()
        {
            Type connection = _module.Module.GetType("GptImage.Commands.GptImageConnection", throwOnError: true)!;
            var exposed = connection.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            Assert.DoesNotContain(exposed, p => p.PropertyType.FullName == "System.Security.SecureString");
            Assert.DoesNotContain(exposed, p => p.Name.Contains("Key", StringComparison.OrdinalIgnoreCase) && p.PropertyType.FullName != "System.Boolean");
            Assert.Contains(exposed, p => p.Name == "HasApiKey");
        }

        [Fact]
        public void Every_api_key_parameter_is_a_SecureString()
        {
            foreach (Type cmdlet in _module.CmdletTypes)
            {
                foreach (PropertyInfo p in cmdlet.GetProperties().Where(p => p.Name.Contains("Key", StringComparison.OrdinalIgnoreCase)))
                    Assert.Equal("System.Security.SecureString", p.PropertyType.FullName);
            }
        }
    }
}
