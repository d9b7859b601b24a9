using System.Net;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;

namespace CilPortal.Tests.Web;

/// <summary>A database that once held the demo, served with demo mode off.</summary>
public sealed class DemoOffPortal : CilPortalWebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Enabled"] = "false" };
}

public class DemoModeOffTests(DemoOffPortal factory) : IClassFixture<DemoOffPortal>
{
    [Fact]
    public async Task Demo_accounts_cannot_sign_in_once_demo_mode_is_off()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.SignInAsync(DemoAccounts.EpciAdministrator);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"demo-banner\"", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }
}
