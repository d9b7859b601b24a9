using System.Net;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Exchanges;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CilPortal.Tests.Exchanges;

/// <summary>Joining and the bailleur's check, listing validation, photos, moderation, pauses and the nightly matching.</summary>
public class ExchangeMembershipTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task An_applicant_joins_the_bailleur_refuses_with_a_reason_and_nothing_of_theirs_is_visible()
    {
        var applicant = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Applicant);
        var (bailleurId, residenceId, otherResidence) = await ExchangeTestData.WithDbAsync(factory, async db =>
        {
            var b = await db.Bailleurs.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            return (b, await db.Residences.Where(r => r.BailleurId == b).Select(r => r.Id).FirstAsync(), await db.Residences.Where(r => r.BailleurId != b).Select(r => r.Id).FirstAsync());
        });

        // A residence of another bailleur, or no consent, is refused in French and saves nothing.
        var wrong = WebUtility.HtmlDecode(await (await applicant.PostFormAsync("/echanges/adhesion", new Dictionary<string, string>
        {
            ["Input.BailleurId"] = bailleurId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ResidenceId"] = otherResidence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TenantReference"] = "LOC-42",
            ["Input.ContactName"] = "Jeanne Essai",
            ["Input.AcceptsRules"] = "true",
        })).Content.ReadAsStringAsync());
        Assert.Contains("Choisissez votre résidence parmi celles de votre bailleur.", wrong, StringComparison.Ordinal);
        var noConsent = WebUtility.HtmlDecode(await (await applicant.PostFormAsync("/echanges/adhesion", new Dictionary<string, string>
        {
            ["Input.BailleurId"] = bailleurId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ResidenceId"] = residenceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TenantReference"] = "LOC-42",
            ["Input.ContactName"] = "Jeanne Essai",
        })).Content.ReadAsStringAsync());
        Assert.Contains("Cochez la case pour accepter les règles", noConsent, StringComparison.Ordinal);
        Assert.False(await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeMembers.AnyAsync(m => m.TenantReference == "LOC-42")));

        var joined = await applicant.PostFormAsync("/echanges/adhesion", new Dictionary<string, string>
        {
            ["Input.BailleurId"] = bailleurId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ResidenceId"] = residenceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TenantReference"] = "LOC-42",
            ["Input.ContactName"] = "Jeanne Essai",
            ["Input.AcceptsRules"] = "true",
        });
        Assert.Equal("/echanges/mon-espace", joined.Headers.Location?.OriginalString);
        Assert.Contains("En attente de vérification", WebUtility.HtmlDecode(await applicant.GetStringAsync(new Uri("/echanges/mon-espace", UriKind.Relative))), StringComparison.Ordinal);
        var editor = await applicant.GetAsync(new Uri("/echanges/mon-annonce", UriKind.Relative));
        Assert.Equal("/echanges/mon-espace", editor.Headers.Location?.OriginalString);

        var memberId = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeMembers.Where(m => m.TenantReference == "LOC-42").Select(m => m.Id).SingleAsync());
        var url = $"/gestion/bailleur/echanges/inscriptions/{memberId}";
        var otherAgent = await ExchangeTestData.ClientAsync(factory, DemoAccounts.BailleurAgent2);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgent.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var agent = await ExchangeTestData.ClientAsync(factory, DemoAccounts.BailleurAgent1);
        Assert.Contains("LOC-42", await agent.GetStringAsync(new Uri("/gestion/bailleur/echanges", UriKind.Relative)), StringComparison.Ordinal);
        var noReason = WebUtility.HtmlDecode(await (await agent.PostFormAsync(url, new Dictionary<string, string>(), action: url + "/refuse")).Content.ReadAsStringAsync());
        Assert.Contains("Choisissez le motif du refus.", noReason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(url, new Dictionary<string, string> { ["Reason"] = "NoticeGiven" }, action: url + "/refuse")).StatusCode);
        var space = WebUtility.HtmlDecode(await applicant.GetStringAsync(new Uri("/echanges/mon-espace", UriKind.Relative)));
        Assert.Contains("congé déjà donné", space, StringComparison.Ordinal);
        Assert.Contains(await ExchangeTestData.WithDbAsync(factory, db => db.OutboxMessages.Select(m => m.Subject).ToListAsync()), s => s.Contains("n'a pas été acceptée", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edit_of_a_published_listing_goes_back_to_the_bailleur_and_bad_input_saves_nothing()
    {
        var tenant = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant2);
        var viewer = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant3);
        var listing = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Include(l => l.Member).SingleAsync(l => l.Member!.ContactName == "Karim Benali"));
        Assert.Equal(ListingStatus.Published, listing.Status);

        var fields = new Dictionary<string, string>
        {
            ["Input.Typology"] = "T3",
            ["Input.Surface"] = "abc",
            ["Input.Rent"] = "480",
            ["Input.Charges"] = "86",
            ["Input.Floor"] = "2",
            ["Input.Description"] = "Appelez le 06 11 22 33 44",
            ["Input.WantedTypologies"] = "T4",
        };
        var bad = WebUtility.HtmlDecode(await (await tenant.PostFormAsync("/echanges/mon-annonce", fields)).Content.ReadAsStringAsync());
        Assert.Contains("Saisissez la surface en chiffres", bad, StringComparison.Ordinal);
        fields["Input.Surface"] = "67,5";
        var contact = WebUtility.HtmlDecode(await (await tenant.PostFormAsync("/echanges/mon-annonce", fields)).Content.ReadAsStringAsync());
        Assert.Contains("Retirez de la description tout numéro de téléphone", contact, StringComparison.Ordinal);
        fields["Input.WantedCommunes"] = "99999";
        fields["Input.Description"] = "Trois pièces avec balcon.";
        Assert.Contains("Choisissez les communes recherchées dans la liste.", WebUtility.HtmlDecode(await (await tenant.PostFormAsync("/echanges/mon-annonce", fields)).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(ListingStatus.Published, await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => l.Id == listing.Id).Select(l => l.Status).SingleAsync()));
        Assert.Equal(67m, await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => l.Id == listing.Id).Select(l => l.Surface).SingleAsync()));

        fields.Remove("Input.WantedCommunes");
        Assert.Equal(HttpStatusCode.Redirect, (await tenant.PostFormAsync("/echanges/mon-annonce", fields)).StatusCode);
        Assert.Equal(ListingStatus.AwaitingValidation, await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => l.Id == listing.Id).Select(l => l.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(new Uri($"/echanges/annonces/{listing.Id}", UriKind.Relative))).StatusCode);

        var agent = await ExchangeTestData.ClientAsync(factory, DemoAccounts.BailleurAgent2);
        var url = $"/gestion/bailleur/echanges/annonces/{listing.Id}";
        Assert.Contains("Indiquez au locataire ce qu'il doit corriger.", WebUtility.HtmlDecode(await (await agent.PostFormAsync(url, new Dictionary<string, string>(), action: url + "/reject")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(url, new Dictionary<string, string>(), action: url + "/publish")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(new Uri($"/echanges/annonces/{listing.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(67.5m, await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => l.Id == listing.Id).Select(l => l.Surface).SingleAsync()));
    }

    [Fact]
    public async Task The_listing_editor_shows_the_listing_s_choices_and_keeps_those_posted_when_a_field_is_wrong()
    {
        var tenant = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant2);
        var listing = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.AsNoTracking().Include(l => l.Member).SingleAsync(l => l.Member!.ContactName == "Karim Benali"));

        // Each list marks its own option (no tag helper does it for them): the saved listing's values are those selected.
        var editor = Fields(await (await tenant.GetAsync(new Uri("/echanges/mon-annonce", UriKind.Relative))).Content.ReadAsStringAsync());
        Assert.Equal(listing.Typology.ToString(), editor["Input.Typology"]);
        Assert.Equal(listing.Heating.ToString(), editor["Input.Heating"]);
        Assert.Equal(listing.Accessibility.ToString(), editor["Input.Accessibility"]);

        // A refused post shows the form again with the choices the person made, not the first option of each list.
        var posted = new Dictionary<string, string>(editor)
        {
            ["Input.Typology"] = "T5",
            ["Input.Heating"] = nameof(HeatingKind.Collective),
            ["Input.Accessibility"] = nameof(CilPortal.Domain.Stock.Accessibility.WheelchairAdapted),
            ["Input.RequiredAccessibility"] = nameof(CilPortal.Domain.Stock.Accessibility.Adaptable),
            ["Input.Surface"] = "abc",
        };
        posted.Remove("__RequestVerificationToken"); // PostFormAsync adds the page's own
        var again = await (await tenant.PostFormAsync("/echanges/mon-annonce", posted)).Content.ReadAsStringAsync();
        Assert.Contains("Saisissez la surface en chiffres", WebUtility.HtmlDecode(again), StringComparison.Ordinal);
        var shown = Fields(again);
        Assert.Equal("T5", shown["Input.Typology"]);
        Assert.Equal(nameof(HeatingKind.Collective), shown["Input.Heating"]);
        Assert.Equal(nameof(CilPortal.Domain.Stock.Accessibility.WheelchairAdapted), shown["Input.Accessibility"]);
        Assert.Equal(nameof(CilPortal.Domain.Stock.Accessibility.Adaptable), shown["Input.RequiredAccessibility"]);
        Assert.Equal(listing.Typology, await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => l.Id == listing.Id).Select(l => l.Typology).SingleAsync()));

        static Dictionary<string, string> Fields(string html) =>
            HtmlFormReader.PostForms(html, "/echanges/mon-annonce").Single(f => f.Fields.Any(x => x.Name == "Input.Typology")).ValueMap();
    }

    [Fact]
    public async Task Photos_are_checked_by_content_re_encoded_without_metadata_and_shown_only_to_whom_they_concern()
    {
        var tenant = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant3);
        const string url = "/echanges/mon-annonce/photos";
        var fake = await UploadAsync(tenant, url, "ceci n'est pas une image"u8.ToArray(), "photo.jpg", "image/jpeg");
        Assert.Contains("Ce fichier n'est pas une image JPEG, PNG ou WebP.", fake, StringComparison.Ordinal);
        var big = new byte[(5 * 1024 * 1024) + 10];
        Assert.Contains("L'image dépasse 5 Mo.", await UploadAsync(tenant, url, big, "grande.png", "image/png"), StringComparison.Ordinal);
        Assert.Equal(0, await ExchangeTestData.WithDbAsync(factory, db => db.ListingPhotos.CountAsync()));

        using var bitmap = new SKBitmap(64, 48);
        bitmap.Erase(SKColors.CornflowerBlue);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var page = await UploadAsync(tenant, url, png.ToArray(), "salon.txt", "text/plain");
        Assert.Contains("Photo ajoutée", page, StringComparison.Ordinal);
        var photo = await ExchangeTestData.WithDbAsync(factory, db => db.ListingPhotos.SingleAsync());
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal(0xFF, photo.Content[0]);

        var served = await tenant.GetAsync(new Uri($"/echanges/photo/{photo.Id}", UriKind.Relative));
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        var ownerBailleur = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => l.Id == photo.ListingId).Select(l => l.Member!.BailleurId).SingleAsync());
        var agent1 = await ExchangeTestData.WithDbAsync(factory, db => db.Users.Where(u => u.Email == DemoAccounts.BailleurAgent1).Select(u => u.BailleurId).SingleAsync());
        var otherAgent = await ExchangeTestData.ClientAsync(factory, ownerBailleur == agent1 ? DemoAccounts.BailleurAgent2 : DemoAccounts.BailleurAgent1);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgent.GetAsync(new Uri($"/echanges/photo/{photo.Id}", UriKind.Relative))).StatusCode);
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri($"/echanges/photo/{photo.Id}", UriKind.Relative))).StatusCode);
        // The listing was published: a new photo sends it back for validation.
        Assert.Equal(ListingStatus.AwaitingValidation, await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => l.Id == photo.ListingId).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_reported_listing_is_suspended_by_its_bailleur_and_a_silent_member_is_paused_after_14_days()
    {
        var ids = await ExchangeTestData.DemoListingsAsync(factory);
        var reporter = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant);
        var swapListing = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => l.Member!.ContactName == "Membre fictif 1").Select(l => new { l.Id, l.Member!.BailleurId }).SingleAsync());
        Assert.Contains("Choisissez le motif du signalement.", WebUtility.HtmlDecode(await (await reporter.PostFormAsync($"/echanges/annonces/{swapListing.Id}", new Dictionary<string, string>(), action: $"/echanges/annonces/{swapListing.Id}/report")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await reporter.PostFormAsync($"/echanges/annonces/{swapListing.Id}", new Dictionary<string, string> { ["Reason"] = "PersonalData", ["Comment"] = "Un numéro de porte se voit." }, action: $"/echanges/annonces/{swapListing.Id}/report")).StatusCode);
        var reportId = await ExchangeTestData.WithDbAsync(factory, db => db.ListingReports.Where(r => r.ListingId == swapListing.Id).Select(r => r.Id).SingleAsync());
        var bailleur1 = await ExchangeTestData.WithDbAsync(factory, db => db.Users.Where(u => u.Email == DemoAccounts.BailleurAgent1).Select(u => u.BailleurId).SingleAsync());
        var agent = await ExchangeTestData.ClientAsync(factory, swapListing.BailleurId == bailleur1 ? DemoAccounts.BailleurAgent1 : DemoAccounts.BailleurAgent2);
        var url = $"/gestion/bailleur/echanges/annonces/{swapListing.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(url, new Dictionary<string, string> { ["reportId"] = reportId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, action: $"{url}/uphold?reportId={reportId}")).StatusCode);
        Assert.Equal(ListingStatus.Suspended, await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => l.Id == swapListing.Id).Select(l => l.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync(new Uri($"/echanges/annonces/{swapListing.Id}", UriKind.Relative))).StatusCode);

        // A proposal left unanswered for 14 days: the silent members are paused and told, the proposal closes.
        // (Other tests of this class may have sent these listings back for validation or proposed them at night.)
        await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => ids.Contains(l.Id)).ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, ListingStatus.Published)));
        await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeProposals.ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Cancelled)));
        var nur = (await ExchangeTestData.ActiveNursAsync(factory, 1))[0];
        var created = await ExchangeTestData.WithServiceAsync<ExchangeService, ExchangeResult>(factory, s =>
            ExchangeTestData.WithDbAsync(factory, db => db.ExchangeMembers.Where(m => m.ContactName == "Camille Martin").Select(m => m.Id).SingleAsync())
                .ContinueWith(t => s.ProposeAsync(t.Result, [ids[0], ids[1], ids[2]], nur)).Unwrap());
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Message)));
        await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeProposals.Where(p => p.Id == created.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, p => p.CreatedAt.AddDays(-15))));
        var paused = await ExchangeTestData.WithServiceAsync<ExchangeService, int>(factory, s => s.PauseSilentMembersAsync());
        Assert.Equal(2, paused);
        Assert.Equal(ProposalStatus.Declined, await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeProposals.Where(p => p.Id == created.Id).Select(p => p.Status).SingleAsync()));
        var silent = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant2);
        var space = WebUtility.HtmlDecode(await silent.GetStringAsync(new Uri("/echanges/mon-espace", UriKind.Relative)));
        Assert.Contains("Vous n'avez pas répondu pendant 14 jours", space, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await silent.PostFormAsync("/echanges/mon-espace", new Dictionary<string, string>(), action: "/echanges/mon-espace/resume")).StatusCode);
        Assert.False(await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeMembers.AnyAsync(m => m.ContactName == "Karim Benali" && m.PausedAt != null)));
    }

    [Fact]
    public async Task The_nightly_matching_proposes_disjoint_cycles_to_members_who_opted_in_and_records_its_gap()
    {
        var run = await ExchangeTestData.WithServiceAsync<ExchangeMatchingJob, CilPortal.Domain.Exchanges.ExchangeMatchingRun>(factory, job => job.RunAsync());
        Assert.True(run.CyclesFound >= run.CyclesChosen);
        Assert.NotNull(run.Gap);
        var proposals = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeProposals.Include(p => p.Participants).Where(p => p.Origin == ProposalOrigin.NightlyMatching).ToListAsync());
        Assert.Equal(run.ProposalsCreated, proposals.Count);
        var listings = proposals.SelectMany(p => p.Participants.Select(x => x.ListingId)).ToList();
        Assert.Equal(listings.Count, listings.Distinct().Count());
        Assert.All(proposals, p => Assert.InRange(p.Participants.Count, 2, 3));
        Assert.All(proposals, p => Assert.True(p.Announced));
        Assert.Null(await ExchangeTestData.WithServiceAsync<ExchangeMatchingJob, CilPortal.Domain.Exchanges.ExchangeMatchingRun?>(factory, job => job.RunIfDueAsync(DateTime.UtcNow.AddHours(-1))));
    }

    [Fact]
    public async Task Above_the_cycles_allowed_the_nightly_matching_keeps_the_local_search_s_proposal_without_the_exact_solve()
    {
        var options = factory.Services.GetRequiredService<ExchangeMatchingOptions>();
        var (limit, proposes) = (options.MaxCyclesForExactSolve, options.CreateProposals);
        options.MaxCyclesForExactSolve = 0;
        options.CreateProposals = false;
        try
        {
            var run = await ExchangeTestData.WithServiceAsync<ExchangeMatchingJob, CilPortal.Domain.Exchanges.ExchangeMatchingRun>(factory, job => job.RunAsync());
            Assert.True(run.CyclesFound > 0);
            Assert.True(run.CyclesChosen > 0);
            Assert.True(run.Objective > 0);
            Assert.Null(run.Gap);
            Assert.Null(run.BestBound);
        }
        finally
        {
            (options.MaxCyclesForExactSolve, options.CreateProposals) = (limit, proposes);
        }
    }

    private static async Task<string> UploadAsync(HttpClient client, string url, byte[] content, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await client.TokenAsync(url)), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "Photo", fileName);
        var response = await client.PostAsync(new Uri(url, UriKind.Relative), form);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
        }

        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
