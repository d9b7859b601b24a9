using System.Net;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

/// <summary>
/// Two staff members edit the same record from forms drawn at the same version: the first save wins, the second is
/// refused with a French message and writes nothing (no lost update). The records: bailleurs, réservataires, sectors,
/// reception points and cotation grid drafts.
/// </summary>
public class ConcurrentEditTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private const string Conflict = "Ce dossier a été modifié par quelqu'un d'autre";

    [Fact]
    public async Task A_bailleur_saved_from_a_stale_form_is_refused_and_the_first_change_is_kept()
    {
        var (first, second) = await TwoAdministratorsAsync();
        var id = await WithDbAsync(db => db.Bailleurs.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync());
        var url = $"/gestion/epci/bailleurs?modifier={id}";
        var formOfFirst = await first.FormAsync(url, "bailleur-form");
        var formOfSecond = await second.FormAsync(url, "bailleur-form");

        await AssertSecondSaveRefusedAsync(first, formOfFirst, second, formOfSecond, "Input.Name", "Habitat du Premier", "Habitat du Second");

        Assert.Equal("Habitat du Premier", await WithDbAsync(db => db.Bailleurs.Where(b => b.Id == id).Select(b => b.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_reservataire_saved_from_a_stale_form_is_refused()
    {
        var (first, second) = await TwoAdministratorsAsync();
        var id = await WithDbAsync(db => db.Reservataires.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var url = $"/gestion/epci/reservataires?modifier={id}";
        var formOfFirst = await first.FormAsync(url, "reservataire-form");
        var formOfSecond = await second.FormAsync(url, "reservataire-form");

        await AssertSecondSaveRefusedAsync(first, formOfFirst, second, formOfSecond, "Input.Name", "Contingent premier", "Contingent second");

        Assert.Equal("Contingent premier", await WithDbAsync(db => db.Reservataires.Where(r => r.Id == id).Select(r => r.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_sector_saved_from_a_stale_form_is_refused()
    {
        var (first, second) = await TwoAdministratorsAsync();
        var created = await first.SubmitAsync(await first.FormAsync("/gestion/epci/secteurs", "sector-form"),
            new Dictionary<string, string> { ["Input.Name"] = "Secteur disputé", ["Input.Communes"] = "11262" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await WithDbAsync(db => db.Sectors.Where(s => s.Name == "Secteur disputé").Select(s => s.Id).SingleAsync());
        var url = $"/gestion/epci/secteurs?modifier={id}";
        var formOfFirst = await first.FormAsync(url, "sector-form");
        var formOfSecond = await second.FormAsync(url, "sector-form");

        await AssertSecondSaveRefusedAsync(first, formOfFirst, second, formOfSecond, "Input.Name", "Secteur du premier", "Secteur du second");

        Assert.Equal("Secteur du premier", await WithDbAsync(db => db.Sectors.Where(s => s.Id == id).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_reception_point_saved_from_a_stale_form_is_refused_with_its_timetable_untouched()
    {
        var (first, second) = await TwoAdministratorsAsync();
        var id = await WithDbAsync(db => db.ReceptionPoints.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var url = $"/gestion/epci/lieux-accueil/modifier/{id}";
        var formOfFirst = await first.FormAsync(url, "place-form");
        var formOfSecond = await second.FormAsync(url, "place-form");
        var slotsBefore = await WithDbAsync(db => db.OpeningSlots.CountAsync());

        var saved = await first.SubmitAsync(formOfFirst, new Dictionary<string, string> { ["Input.Name"] = "Accueil du premier" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The second one also empties the timetable: nothing of it may be written.
        var changes = formOfSecond.Fields.Where(f => f.Name.StartsWith("Input.Days[", StringComparison.Ordinal) && (f.Name.EndsWith("Opens", StringComparison.Ordinal) || f.Name.EndsWith("Closes", StringComparison.Ordinal)))
            .ToDictionary(f => f.Name, _ => "");
        changes["Input.Name"] = "Accueil du second";
        var refused = await second.SubmitAsync(formOfSecond, changes);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Conflict, html, StringComparison.Ordinal);
        Assert.Equal("Accueil du premier", await WithDbAsync(db => db.ReceptionPoints.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()));
        Assert.Equal(slotsBefore, await WithDbAsync(db => db.OpeningSlots.CountAsync()));
    }

    [Fact]
    public async Task A_cotation_draft_saved_from_a_stale_form_is_refused()
    {
        var (first, second) = await TwoAdministratorsAsync();
        var draft = await first.PostFormAsync("/gestion/epci/cotation", new Dictionary<string, string>(), "/gestion/epci/cotation?handler=Draft");
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var url = draft.Headers.Location!.OriginalString;
        var formOfFirst = await first.FormAsync(url, "grid-form");
        var formOfSecond = await second.FormAsync(url, "grid-form");

        await AssertSecondSaveRefusedAsync(first, formOfFirst, second, formOfSecond, "Input.Title", "Grille du premier", "Grille du second");

        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Grille du premier", await WithDbAsync(db => db.ScoringGrids.Where(g => g.Id == id).Select(g => g.Title).SingleAsync()));
    }

    [Fact]
    public async Task Two_saves_racing_past_the_form_check_end_with_one_winner_and_a_concurrency_error()
    {
        var id = await WithDbAsync(db => db.Bailleurs.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync());
        using var scopeA = factory.Services.CreateScope();
        using var scopeB = factory.Services.CreateScope();
        var a = scopeA.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var b = scopeB.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var bailleurA = await a.Bailleurs.SingleAsync(x => x.Id == id);
        var bailleurB = await b.Bailleurs.SingleAsync(x => x.Id == id);
        Assert.True(a.ExpectVersion(bailleurA, bailleurA.RowVersion));
        Assert.True(b.ExpectVersion(bailleurB, bailleurB.RowVersion));
        bailleurA.Name = "Course A";
        bailleurB.Name = "Course B";

        await a.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());

        var stored = await WithDbAsync(db => db.Bailleurs.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal("Course A", stored.Name);
        Assert.Equal(bailleurB.RowVersion, stored.RowVersion);
    }

    private static async Task AssertSecondSaveRefusedAsync(HttpClient first, PostForm formOfFirst, HttpClient second, PostForm formOfSecond, string field, string firstValue, string secondValue)
    {
        var saved = await first.SubmitAsync(formOfFirst, new Dictionary<string, string> { [field] = firstValue });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));

        var refused = await second.SubmitAsync(formOfSecond, new Dictionary<string, string> { [field] = secondValue });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Conflict, html, StringComparison.Ordinal);
        Assert.Contains("Rechargez la page", html, StringComparison.Ordinal);

        // Reloaded, the form shows the first change and saves.
        var reloaded = await second.FormAsync(formOfSecond.Action, formOfSecond.TestId!);
        Assert.Equal(firstValue, reloaded.ValueMap()[field]);
    }

    private async Task<(HttpClient First, HttpClient Second)> TwoAdministratorsAsync()
    {
        var first = factory.CreateClient(new() { AllowAutoRedirect = false });
        var second = factory.CreateClient(new() { AllowAutoRedirect = false });
        await first.SignInAsync(DemoAccounts.EpciAdministrator);
        await second.SignInAsync(DemoAccounts.EpciAdministrator);
        return (first, second);
    }

    private async Task<T> WithDbAsync<T>(Func<CilPortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CilPortalDbContext>());
    }
}
