using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Exchanges;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Tests.Exchanges;

/// <summary>
/// The search's filters against the same conditions evaluated in memory over the demo marketplace: each filter keeps
/// exactly the visible listings that meet it, in the search's order, page after page (the search runs compiled queries
/// whose absent filters are null parameters; this checks that no condition is lost or kept by mistake).
/// </summary>
public class ExchangeSearchFilterTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    public static TheoryData<string> Filters => ["aucun", "commune", "typologie", "loyer", "surface", "qpv-oui", "qpv-non", "accessible", "exterieur", "plusieurs"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_search_keeps_exactly_the_visible_listings_that_meet_its_filters(string name)
    {
        // The demo marketplace has no accessible dwelling: make two of them so, for the accessibility filter to keep some.
        await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => l.Status == ListingStatus.Published).OrderByDescending(l => l.Id).Take(2)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Accessibility, Accessibility.Adaptable)));

        // Nor a published listing of a paused member or of one whose tenancy is not checked (any more): make one of each.
        var hidden = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => l.Status == ListingStatus.Published).OrderBy(l => l.Id).Skip(1).Take(2)
            .Select(l => new { l.Id, l.MemberId }).ToListAsync());
        await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeMembers.Where(m => m.Id == hidden[0].MemberId).ExecuteUpdateAsync(u => u.SetProperty(m => m.PausedAt, DateTime.UtcNow)));
        await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeMembers.Where(m => m.Id == hidden[1].MemberId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MemberStatus.AwaitingVerification)));
        var all = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.AsNoTracking().Include(l => l.Member).ThenInclude(m => m!.Residence).ToListAsync());
        var visible = all.Where(l => l.Status == ListingStatus.Published && l.Member!.Status == MemberStatus.Verified && l.Member.PausedAt is null).ToList();
        var viewer = visible[0].MemberId;
        var others = visible.Where(l => l.MemberId != viewer).ToList();
        var commune = others.GroupBy(l => l.Member!.Residence!.CommuneInseeCode).MaxBy(g => g.Count())!.Key;
        var typology = others.GroupBy(l => l.Typology).MaxBy(g => g.Count())!.Key;
        var medianRent = others.Select(l => l.Rent + l.Charges).Order().ElementAt(others.Count / 2);
        var medianSurface = others.Select(l => l.Surface).Order().ElementAt(others.Count / 2);
        var filter = name switch
        {
            "commune" => new ListingFilter(CommuneInseeCode: commune),
            "typologie" => new ListingFilter(Typology: typology),
            "loyer" => new ListingFilter(MaxRentWithCharges: medianRent),
            "surface" => new ListingFilter(MinSurface: medianSurface),
            "qpv-oui" => new ListingFilter(InQpv: true),
            "qpv-non" => new ListingFilter(InQpv: false),
            "accessible" => new ListingFilter(AccessibleOnly: true),
            "exterieur" => new ListingFilter(OutdoorSpaceOnly: true),
            "plusieurs" => new ListingFilter(MaxRentWithCharges: medianRent, MinSurface: others.Min(l => l.Surface) + 1, InQpv: false),
            _ => new ListingFilter(),
        };
        var expected = others
            .Where(l => filter.CommuneInseeCode is null || l.Member!.Residence!.CommuneInseeCode == filter.CommuneInseeCode)
            .Where(l => filter.Typology is null || l.Typology == filter.Typology)
            .Where(l => filter.MaxRentWithCharges is null || l.Rent + l.Charges <= filter.MaxRentWithCharges)
            .Where(l => filter.MinSurface is null || l.Surface >= filter.MinSurface)
            .Where(l => filter.InQpv is null || l.Member!.Residence!.IsInQpv == filter.InQpv)
            .Where(l => !filter.AccessibleOnly || l.Accessibility != Accessibility.None)
            .Where(l => !filter.OutdoorSpaceOnly || l.HasOutdoorSpace)
            .OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id)
            .ToList();

        var found = new List<ListingSummary>();
        var totals = new List<int>();
        for (var page = 1; page <= (expected.Count / ExchangeQueries.PageSize) + 2; page++)
        {
            var (items, total) = await ExchangeTestData.WithServiceAsync<ExchangeQueries, (IReadOnlyList<ListingSummary>, int)>(factory, q => q.SearchAsync(viewer, filter, page));
            found.AddRange(items);
            totals.Add(total);
        }

        Assert.NotEmpty(expected);
        if (name != "aucun")
        {
            Assert.True(expected.Count < others.Count, $"the filter « {name} » should leave some listings out of the demo marketplace");
        }

        Assert.Equal(expected.Select(l => l.Id), found.Select(s => s.Id));
        Assert.DoesNotContain(found, s => s.Id == hidden[0].Id || s.Id == hidden[1].Id);
        Assert.All(totals, t => Assert.Equal(Math.Min(expected.Count, ExchangeQueries.MaxCounted + 1), t));
        var names = await ExchangeTestData.WithServiceAsync<CommuneNames, IReadOnlyDictionary<string, string>>(factory, n => n.AllAsync(CancellationToken.None));
        Assert.All(found, s => Assert.Equal(names[s.CommuneInseeCode], s.CommuneName));
    }
}
