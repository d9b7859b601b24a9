using System.Globalization;
using CilPortal.Domain.Information;
using CilPortal.Domain.Partners;
using CilPortal.Infrastructure.Data;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.LieuxAccueil;

public sealed record ClosureLine(string Period, string Reason);

public class DetailModel(CilPortalDbContext db, ParisClock clock) : PageModel
{
    public ReceptionPoint Place { get; private set; } = new();

    public string CommuneName { get; private set; } = "";

    public IReadOnlyList<TimetableDay> Timetable { get; private set; } = [];

    public IReadOnlyList<ClosureLine> Closures { get; private set; } = [];

    public IReadOnlyList<string> Services { get; private set; } = [];

    public bool IsOpenNow { get; private set; }

    /// <summary>OpenStreetMap at the place's position, or a search by address when it has none.</summary>
    public string MapUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var today = DateOnly.FromDateTime(now);
        var place = await db.ReceptionPoints.AsNoTracking()
            .Include(r => r.OpeningSlots)
            .Include(r => r.Closures.Where(c => c.To >= today))
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (place is null)
        {
            return NotFound();
        }

        Place = place;
        CommuneName = await db.Communes.Where(c => c.InseeCode == place.CommuneInseeCode).Select(c => c.Name).SingleAsync(cancellationToken);
        Timetable = TimetableDay.Week(place.OpeningSlots);
        Closures = [.. place.Closures.OrderBy(c => c.From).Select(c => new ClosureLine(
            c.From == c.To ? $"le {FrenchFormat.Date(c.From)}" : $"du {FrenchFormat.Date(c.From)} au {FrenchFormat.Date(c.To)}", c.Reason))];
        Services = [.. ReceptionServiceLabels.Of(place.Services)];
        IsOpenNow = OpeningHours.IsOpenAt(place.OpeningSlots, place.Closures, now);
        MapUrl = place is { Latitude: { } lat, Longitude: { } lon }
            ? string.Create(CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={lat:0.#####}&mlon={lon:0.#####}#map=18/{lat:0.#####}/{lon:0.#####}")
            : "https://www.openstreetmap.org/search?query=" + Uri.EscapeDataString($"{place.Address}, {place.PostalCode} {CommuneName}");
        return Page();
    }
}
