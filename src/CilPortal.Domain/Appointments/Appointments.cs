using CilPortal.Domain.Demands;
using CilPortal.Domain.Partners;

namespace CilPortal.Domain.Appointments;

/// <summary>Weekly appointment hours of a reception point: from Start to End, slots of SlotMinutes, Capacity people each.</summary>
public class AppointmentSchedule
{
    public int Id { get; set; }

    public int ReceptionPointId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }

    public int SlotMinutes { get; set; } = 30;

    public int Capacity { get; set; } = 1;
}

public enum AppointmentStatus
{
    Booked = 1,
    Cancelled = 2,
    Attended = 3,
    Absent = 4,
}

/// <summary>An appointment booked by an applicant (no account needed).</summary>
public class Appointment
{
    public int Id { get; set; }

    public int ReceptionPointId { get; set; }

    /// <summary>Local (Europe/Paris) start of the slot.</summary>
    public DateTime StartsAt { get; set; }

    /// <summary>Place taken in the slot (1..capacity); unique per slot, released (null) when cancelled, so no slot is ever overbooked.</summary>
    public int? Seat { get; set; }

    public InterviewReason Reason { get; set; }

    public string Name { get; set; } = "";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public AppointmentStatus Status { get; set; } = AppointmentStatus.Booked;

    /// <summary>When the applicant asked, for the PPGD indicator (delay between request and appointment).</summary>
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Hash of the token of the cancel link sent to the applicant.</summary>
    public string CancelTokenHash { get; set; } = "";

    public DateTimeOffset? ReminderSentAt { get; set; }
}

/// <summary>A slot offered for booking.</summary>
public readonly record struct OfferedSlot(DateTime StartsAt, int Capacity, int Remaining);

/// <summary>The pure rules of appointments: slots offered, public holidays, the PPGD promise.</summary>
public static class AppointmentSlots
{
    /// <summary>
    /// The slots of the days from <paramref name="from"/> to <paramref name="to"/> (included), skipping closures and
    /// public holidays and slots already started, with the places left given the booked counts.
    /// </summary>
    public static IReadOnlyList<OfferedSlot> Offer(
        IEnumerable<AppointmentSchedule> schedules,
        IEnumerable<ReceptionClosure> closures,
        DateOnly from,
        DateOnly to,
        DateTime now,
        IReadOnlyDictionary<DateTime, int> booked)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(booked);
        var closed = closures.ToList();
        var byDay = schedules.Where(s => s.SlotMinutes > 0 && s.Capacity > 0 && s.End > s.Start).ToLookup(s => s.Day);
        var slots = new List<OfferedSlot>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (FrenchPublicHolidays.IsHoliday(day) || closed.Any(c => c.From <= day && day <= c.To))
            {
                continue;
            }

            foreach (var schedule in byDay[day.DayOfWeek].OrderBy(s => s.Start))
            {
                for (var start = schedule.Start; start.AddMinutes(schedule.SlotMinutes) <= schedule.End && start >= schedule.Start; start = start.AddMinutes(schedule.SlotMinutes))
                {
                    var startsAt = day.ToDateTime(start);
                    if (startsAt <= now)
                    {
                        continue;
                    }

                    var remaining = schedule.Capacity - booked.GetValueOrDefault(startsAt);
                    slots.Add(new OfferedSlot(startsAt, schedule.Capacity, Math.Max(0, remaining)));
                }
            }
        }

        return slots;
    }

    /// <summary>Days between the request and the appointment, counted in calendar days.</summary>
    public static int DelayDays(DateTime requestedAtLocal, DateTime startsAt) => startsAt.Date.Subtract(requestedAtLocal.Date).Days;
}

/// <summary>French public holidays (metropolitan France): fixed dates and those that follow Easter.</summary>
public static class FrenchPublicHolidays
{
    public static bool IsHoliday(DateOnly day) => For(day.Year).Contains(day);

    public static IReadOnlySet<DateOnly> For(int year)
    {
        var easter = EasterSunday(year);
        return new HashSet<DateOnly>
        {
            new(year, 1, 1), new(year, 5, 1), new(year, 5, 8), new(year, 7, 14), new(year, 8, 15),
            new(year, 11, 1), new(year, 11, 11), new(year, 12, 25),
            easter.AddDays(1), easter.AddDays(39), easter.AddDays(50),
        };
    }

    /// <summary>Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}

/// <summary>One line of the PPGD indicator: for a place and a month of requests, how long applicants waited.</summary>
public sealed record AppointmentDelayLine(int ReceptionPointId, int Year, int Month, int Appointments, double MedianDays, int WithinPromise)
{
    public double ShareWithinPromise => Appointments == 0 ? 0 : (double)WithinPromise / Appointments;
}

/// <summary>
/// The PPGD promises an applicant who asks to be received within one month (two in urban units over 50,000
/// inhabitants): the delay between the request and the appointment offered, per place and month of request.
/// </summary>
public static class AppointmentDelays
{
    public static IReadOnlyList<AppointmentDelayLine> Summarise(IEnumerable<(int ReceptionPointId, DateTime RequestedAtLocal, DateTime StartsAt)> appointments, int promiseDays)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        return [.. appointments
            .GroupBy(a => (a.ReceptionPointId, a.RequestedAtLocal.Year, a.RequestedAtLocal.Month))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Month).ThenBy(g => g.Key.ReceptionPointId)
            .Select(g =>
            {
                var delays = g.Select(a => AppointmentSlots.DelayDays(a.RequestedAtLocal, a.StartsAt)).Order().ToList();
                var middle = delays.Count / 2;
                var median = delays.Count % 2 == 1 ? delays[middle] : (delays[middle - 1] + delays[middle]) / 2.0;
                return new AppointmentDelayLine(g.Key.ReceptionPointId, g.Key.Year, g.Key.Month, delays.Count, median, delays.Count(d => d <= promiseDays));
            })];
    }
}
