using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Exchanges;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Tests.Exchanges;

/// <summary>
/// The search's matches are shared between viewers and kept for the exchange data version (ExchangeSearchCache, issue
/// #11): what the portal saves shows at the next search, and what changes behind its back (another instance of the
/// portal, whose saves this one does not see) can make a count stale for a while, never show a hidden listing.
/// </summary>
public class ExchangeSearchCacheTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task A_member_who_pauses_through_the_portal_leaves_the_search_at_once_and_comes_back_on_resuming()
    {
        var (viewer, listing, member) = await ViewerAndAnotherListingAsync();
        var (before, totalBefore) = await SearchAsync(viewer);
        Assert.Contains(before, s => s.Id == listing);

        await SetPausedAsync(member, paused: true);
        var (paused, totalPaused) = await SearchAsync(viewer);
        Assert.DoesNotContain(paused, s => s.Id == listing);
        Assert.Equal(totalBefore - 1, totalPaused);
        Assert.Equal(ExchangeQueries.PageSize, paused.Count);

        await SetPausedAsync(member, paused: false);
        var (resumed, totalResumed) = await SearchAsync(viewer);
        Assert.Equal(before.Select(s => s.Id), resumed.Select(s => s.Id));
        Assert.Equal(totalBefore, totalResumed);
    }

    [Fact]
    public async Task A_listing_hidden_behind_the_portal_s_back_never_shows_from_the_matches_kept()
    {
        var (viewer, listing, member) = await ViewerAndAnotherListingAsync();
        var (before, _) = await SearchAsync(viewer);
        Assert.Contains(before, s => s.Id == listing);

        // As another instance would: written without this portal's SaveChanges, so its exchange data version stays.
        await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeMembers.Where(m => m.Id == member).ExecuteUpdateAsync(u => u.SetProperty(m => m.PausedAt, DateTime.UtcNow)));
        var (after, _) = await SearchAsync(viewer);
        Assert.DoesNotContain(after, s => s.Id == listing);
        Assert.Equal(before.Where(s => s.Id != listing).Select(s => s.Id), after.Select(s => s.Id));

        await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeMembers.Where(m => m.Id == member).ExecuteUpdateAsync(u => u.SetProperty(m => m.PausedAt, (DateTime?)null)));
    }

    [Fact]
    public async Task Each_viewer_s_own_listing_is_left_out_of_the_shared_matches_and_of_the_count()
    {
        var (viewer, listing, member) = await ViewerAndAnotherListingAsync();
        var (seenByViewer, totalForViewer) = await SearchAsync(viewer);
        var (seenByOwner, totalForOwner) = await SearchAsync(member);

        Assert.Contains(seenByViewer, s => s.Id == listing);
        Assert.DoesNotContain(seenByOwner, s => s.Id == listing);
        Assert.Equal(totalForViewer, totalForOwner);
        Assert.Equal(ExchangeQueries.PageSize, seenByOwner.Count);
    }

    private Task<(IReadOnlyList<ListingSummary> Items, int Total)> SearchAsync(int viewer) =>
        ExchangeTestData.WithServiceAsync<ExchangeQueries, (IReadOnlyList<ListingSummary>, int)>(factory, q => q.SearchAsync(viewer, new ListingFilter(), 1));

    /// <summary>A viewer, and the third listing of its first page of results with that listing's member.</summary>
    [Fact]
    public async Task The_marketplace_s_figures_are_shared_and_follow_a_pause_through_the_portal_at_once()
    {
        var (_, _, member) = await ViewerAndAnotherListingAsync();
        var visitor = factory.CreateClient();
        var before = await PublishedListingsShownAsync(visitor);
        Assert.Equal(before, await PublishedListingsShownAsync(visitor));

        await SetPausedAsync(member, paused: true);
        Assert.Equal(before - 1, await PublishedListingsShownAsync(visitor));

        await SetPausedAsync(member, paused: false);
        Assert.Equal(before, await PublishedListingsShownAsync(visitor));
    }

    private static async Task<int> PublishedListingsShownAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(new Uri("/echanges", UriKind.Relative));
        var figures = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"exchange-figures\"><strong>([0-9]+)</strong>");
        Assert.True(figures.Success, "the marketplace page should show its number of listings");
        return int.Parse(figures.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<(int Viewer, int Listing, int Member)> ViewerAndAnotherListingAsync()
    {
        var visible = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings
            .Where(l => l.Status == ListingStatus.Published && l.Member!.Status == MemberStatus.Verified && l.Member.PausedAt == null)
            .OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id)
            .Select(l => new { l.Id, l.MemberId }).ToListAsync());
        Assert.True(visible.Count > ExchangeQueries.PageSize + 2, $"the demo marketplace should have more than a page of listings and two, not {visible.Count}");
        var viewer = visible[^1].MemberId;
        return (viewer, visible[2].Id, visible[2].MemberId);
    }

    private Task<int> SetPausedAsync(int memberId, bool paused) => ExchangeTestData.WithDbAsync(factory, async db =>
    {
        var member = await db.ExchangeMembers.SingleAsync(m => m.Id == memberId);
        member.PausedAt = paused ? DateTime.UtcNow : null;
        return await db.SaveChangesAsync();
    });
}
