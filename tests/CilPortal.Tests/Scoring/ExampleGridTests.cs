using System.Net;
using CilPortal.Domain.Scoring;
using CilPortal.Infrastructure.Data;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Scoring;

/// <summary>A real territory on a new, empty database: no demo.</summary>
public sealed class NewTerritoryPortal() : CilPortalWebFactory(Path.Combine(Path.GetTempPath(), $"cilportal-new-{Guid.NewGuid():N}.db"), ownsDatabase: true)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Enabled"] = "false" };
}

public class ExampleGridTests(NewTerritoryPortal factory) : IClassFixture<NewTerritoryPortal>
{
    [Fact]
    public async Task A_new_territory_starts_with_the_example_grid_as_a_draft_and_shows_no_score_until_the_cil_publishes()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var grid = await db.ScoringGrids.Include(g => g.Criteria).SingleAsync();
            Assert.Equal(ScoringGridStatus.Draft, grid.Status);
            Assert.True(grid.IsExample);
            Assert.NotEmpty(grid.Criteria);
            Assert.False(await db.DemandScores.AnyAsync());
        }

        var page = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri("/cotation", UriKind.Relative)));
        Assert.Contains("data-testid=\"no-grid\"", page, StringComparison.Ordinal);
    }
}
