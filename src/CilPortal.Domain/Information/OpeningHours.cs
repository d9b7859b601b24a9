using CilPortal.Domain.Partners;

namespace CilPortal.Domain.Information;

/// <summary>Whether a reception point is open, from its weekly slots and closures, at a local (Europe/Paris) time.</summary>
public static class OpeningHours
{
    public static bool IsOpenAt(IEnumerable<OpeningSlot> slots, IEnumerable<ReceptionClosure> closures, DateTime localTime)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(closures);
        var day = DateOnly.FromDateTime(localTime);
        if (closures.Any(c => c.From <= day && day <= c.To))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(localTime);
        return slots.Any(s => s.Day == localTime.DayOfWeek && s.Opens <= time && time < s.Closes);
    }

    /// <summary>The closure in force on a day, if any.</summary>
    public static ReceptionClosure? ClosureOn(IEnumerable<ReceptionClosure> closures, DateOnly day) =>
        closures.FirstOrDefault(c => c.From <= day && day <= c.To);

    /// <summary>Problems of a timetable, in French: empty or reversed slots, overlaps on a day.</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<OpeningSlot> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var problems = new List<string>();
        foreach (var day in slots.GroupBy(s => s.Day))
        {
            var ordered = day.OrderBy(s => s.Opens).ToList();
            if (ordered.Any(s => s.Closes <= s.Opens))
            {
                problems.Add($"{FrenchDayName(day.Key)} : l'heure de fermeture doit être après l'heure d'ouverture.");
            }

            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Opens < ordered[i - 1].Closes)
                {
                    problems.Add($"{FrenchDayName(day.Key)} : deux plages horaires se chevauchent.");
                }
            }
        }

        return problems;
    }

    /// <summary>Monday first, as French calendars show it.</summary>
    public static readonly IReadOnlyList<DayOfWeek> WeekFromMonday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string FrenchDayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Lundi",
        DayOfWeek.Tuesday => "Mardi",
        DayOfWeek.Wednesday => "Mercredi",
        DayOfWeek.Thursday => "Jeudi",
        DayOfWeek.Friday => "Vendredi",
        DayOfWeek.Saturday => "Samedi",
        _ => "Dimanche",
    };
}
