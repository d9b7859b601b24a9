using CilPortal.Domain.Information;
using CilPortal.Domain.Partners;
using CilPortal.Infrastructure.Data;
using CilPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.LieuxAccueil;

/// <summary>French labels of the services a reception point offers.</summary>
public static class ReceptionServiceLabels
{
    public static readonly IReadOnlyList<(ReceptionServices Service, string Key, string Label)> All =
    [
        (ReceptionServices.Information, "information", "Information"),
        (ReceptionServices.Registration, "enregistrement", "Enregistrement des demandes"),
        (ReceptionServices.Accompaniment, "accompagnement", "Accompagnement"),
    ];

    public static IEnumerable<string> Of(ReceptionServices services) =>
        All.Where(s => services.HasFlag(s.Service)).Select(s => s.Label);

    public static ReceptionServices? FromKey(string? key) =>
        All.Where(s => s.Key == key).Select(s => (ReceptionServices?)s.Service).FirstOrDefault();
}

/// <summary>One line of a weekly timetable: "Lundi — 8 h 30 à 12 h, 13 h 30 à 17 h" or closed.</summary>
public sealed record TimetableDay(string Day, IReadOnlyList<string> Ranges)
{
    public bool IsClosed => Ranges.Count == 0;

    public static IReadOnlyList<TimetableDay> Week(IEnumerable<OpeningSlot> slots)
    {
        var byDay = slots.ToLookup(s => s.Day);
        return [.. OpeningHours.WeekFromMonday.Select(day => new TimetableDay(
            OpeningHours.FrenchDayName(day),
            [.. byDay[day].OrderBy(s => s.Opens).Select(s => $"{FrenchFormat.Time(s.Opens)} à {FrenchFormat.Time(s.Closes)}")]))];
    }
}
