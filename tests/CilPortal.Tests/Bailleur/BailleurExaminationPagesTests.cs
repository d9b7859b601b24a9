using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Time;
using CilPortal.Tests.Support;
using CilPortal.Web.Pages.Gestion.Bailleur.Attributions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Bailleur;

/// <summary>A bailleur's examinations of a year, a page at a time (issue #11: a large bailleur examines thousands a year).</summary>
public partial class BailleurExaminationPagesTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task The_examinations_of_a_year_come_a_hundred_a_page_newest_first_each_once()
    {
        var year = factory.Services.GetRequiredService<ParisClock>().Today.Year - 1;
        int bailleur;
        List<int> expected;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            bailleur = await db.Users.Where(u => u.Email == DemoAccounts.BailleurAgent1).Select(u => u.BailleurId!.Value).SingleAsync();
            var dwelling = await db.Dwellings.Where(d => d.Residence!.BailleurId == bailleur && !db.CaleolExaminations.Any(e => e.DwellingId == d.Id))
                .Select(d => d.Id).FirstAsync();
            var reservataire = await db.Reservataires.Select(r => r.Id).FirstAsync();

            // Enough examinations for three pages whatever the demo holds.
            for (var i = 0; i < 2 * IndexModel.PageSize; i++)
            {
                db.CaleolExaminations.Add(new CaleolExamination { BailleurId = bailleur, DwellingId = dwelling, ReservataireId = reservataire, SessionDate = new DateOnly(year, 1, 1).AddDays(i) });
            }

            await db.SaveChangesAsync();
            expected = await db.CaleolExaminations.Where(e => e.BailleurId == bailleur && e.SessionDate.Year == year)
                .OrderByDescending(e => e.SessionDate).ThenByDescending(e => e.Id).Select(e => e.Id).ToListAsync();
        }

        var client = factory.CreateClient();
        await client.SignInAsync(DemoAccounts.BailleurAgent1);
        var shown = new List<int>();
        var pages = 0;
        for (string? next = $"/gestion/bailleur/attributions?annee={year}"; next is not null; pages++)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(next, UriKind.Relative)));
            var rows = ExaminationLinkPattern().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.InRange(rows.Count, 1, IndexModel.PageSize);
            shown.AddRange(rows);
            var link = NextPagePattern().Match(html);
            next = link.Success ? link.Groups[1].Value : null;
            Assert.True(pages < 1000, "The pages never end.");
        }

        Assert.Equal((expected.Count + IndexModel.PageSize - 1) / IndexModel.PageSize, pages);
        Assert.Equal(expected, shown);

        var beyond = await client.GetAsync(new Uri($"/gestion/bailleur/attributions?annee={year}&page=99999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, beyond.StatusCode);
        Assert.Contains($"/gestion/bailleur/attributions/{expected[^1]}\"", await beyond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/gestion/bailleur/attributions?annee={year}&page=-4", UriKind.Relative))).StatusCode);
    }

    [GeneratedRegex("<td><a href=\"/gestion/bailleur/attributions/([0-9]+)\">")]
    private static partial Regex ExaminationLinkPattern();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextPagePattern();
}
