using System.Net;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Reception;

public class ScheduleTests
{
    [Fact]
    public async Task An_agent_adds_weekly_hours_to_their_place_which_are_then_offered_and_bad_hours_are_refused()
    {
        using var factory = new CilPortalWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.ReceptionAgent);
        var (own, other) = await PlacesAsync(factory);
        var url = $"/gestion/accueil/horaires?lieu={own}";

        var added = await client.PostFormAsync(url, Form("Monday", "09:00", "10:00", "20", "1"));
        var reversed = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, Form("Friday", "11:00", "10:00", "30", "1"))).Content.ReadAsStringAsync());
        var overlap = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, Form("Monday", "09:30", "11:00", "30", "1"))).Content.ReadAsStringAsync());
        var tooBig = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, Form("Friday", "09:00", "12:00", "500", "0"))).Content.ReadAsStringAsync());
        var elsewhere = await client.PostFormAsync($"/gestion/accueil/horaires?lieu={other}", Form("Friday", "09:00", "10:00", "30", "1"), $"/gestion/accueil/horaires?lieu={other}");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("L'heure de fin doit être après l'heure de début.", reversed, StringComparison.Ordinal);
        Assert.Contains("chevauchent une plage existante", overlap, StringComparison.Ordinal);
        Assert.Contains("Un créneau dure de 10 à 120 minutes.", tooBig, StringComparison.Ordinal);
        Assert.Contains("De 1 à 20 personnes par créneau.", tooBig, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        using var scope = factory.Services.CreateScope();
        var offered = await scope.ServiceProvider.GetRequiredService<AppointmentBooking>().OfferAsync(own);
        Assert.Contains(offered, s => s.StartsAt.DayOfWeek == DayOfWeek.Monday && s.StartsAt.Minute == 40);
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        Assert.Equal(0, await db.AppointmentSchedules.CountAsync(s => s.Day == DayOfWeek.Friday));
    }

    private static Dictionary<string, string> Form(string day, string start, string end, string minutes, string capacity) => new()
    {
        ["Input.Day"] = day,
        ["Input.Start"] = start,
        ["Input.End"] = end,
        ["Input.SlotMinutes"] = minutes,
        ["Input.Capacity"] = capacity,
    };

    private static async Task<(int Own, int Other)> PlacesAsync(CilPortalWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var agent = await db.Users.SingleAsync(u => u.Email == DemoAccounts.ReceptionAgent);
        var own = await db.ReceptionAgentAssignments.Where(a => a.UserId == agent.Id).Select(a => a.ReceptionPointId).ToListAsync();
        var other = await db.ReceptionPoints.Where(r => !own.Contains(r.Id)).Select(r => r.Id).FirstAsync();
        return (own[0], other);
    }
}
