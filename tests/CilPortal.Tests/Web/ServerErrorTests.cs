using System.Net;
using CilPortal.Infrastructure.Data;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

/// <summary>Owns its database: it breaks it on purpose.</summary>
public class ServerErrorTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task A_failure_shows_the_french_error_page_without_technical_details()
    {
        var client = factory.CreateClient();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE ReceptionPoints RENAME TO ReceptionPointsHorsService");
        }

        var response = await client.GetAsync(new Uri("/lieux-accueil", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Le service rencontre un problème", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ReceptionPoints", html, StringComparison.Ordinal);
    }
}
