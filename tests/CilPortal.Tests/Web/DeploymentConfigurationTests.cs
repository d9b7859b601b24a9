using CilPortal.Tests.Support;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace CilPortal.Tests.Web;

/// <summary>The docker-compose file must configure the keys the app really reads.</summary>
public class DeploymentConfigurationTests
{
    private static readonly string RepositoryRoot = RepositoryFiles.Root;

    [Fact]
    public void Every_environment_key_of_the_compose_web_service_is_a_setting_the_app_reads()
    {
        var settings = FlattenedSettings();
        var environment = ComposeWebEnvironment();

        Assert.NotEmpty(environment);
        Assert.All(environment.Keys.Where(k => !k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)), key =>
            Assert.True(settings.Contains(key.Replace("__", ":", StringComparison.Ordinal)), $"docker-compose.yml sets {key}, which appsettings.json does not declare."));
        Assert.Equal("SqlServer", environment["Database__Provider"]);
        Assert.Contains("Server=sqlserver", environment["ConnectionStrings__CilPortal"], StringComparison.Ordinal);
        Assert.Equal("mailcatcher", environment["Smtp__Host"]);
    }

    [Fact]
    public void Compose_runs_sql_server_with_a_health_check_and_a_volume_and_a_mail_catcher()
    {
        var services = (YamlMappingNode)LoadCompose()["services"];

        var sqlServer = (YamlMappingNode)services["sqlserver"];
        Assert.StartsWith("mcr.microsoft.com/mssql/server", sqlServer["image"].ToString(), StringComparison.Ordinal);
        Assert.True(sqlServer.Children.ContainsKey("healthcheck"));
        Assert.True(sqlServer.Children.ContainsKey("volumes"));
        Assert.True(services.Children.ContainsKey("mailcatcher"));
        Assert.True(File.Exists(Path.Combine(RepositoryRoot, "Dockerfile")));
    }

    private static Dictionary<string, string> ComposeWebEnvironment()
    {
        var web = (YamlMappingNode)((YamlMappingNode)LoadCompose()["services"])["web"];
        return ((YamlMappingNode)web["environment"]).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString());
    }

    private static YamlMappingNode LoadCompose()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot, "docker-compose.yml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static HashSet<string> FlattenedSettings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "src", "CilPortal.Web", "appsettings.json")));
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Flatten(document.RootElement, "", keys);
        return keys;
    }

    private static void Flatten(JsonElement element, string prefix, HashSet<string> keys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            keys.Add(prefix);
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", keys);
        }
    }
}
