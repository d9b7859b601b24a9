using CilPortal.Domain.Appointments;
using CilPortal.Domain.Partners;

namespace CilPortal.Tests.Domain;

public class AppointmentRulesTests
{
    private static readonly AppointmentSchedule TuesdayMorning = new() { ReceptionPointId = 1, Day = DayOfWeek.Tuesday, Start = new(9, 0), End = new(12, 0), SlotMinutes = 30, Capacity = 2 };

    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2030, 4, 21)]
    public void Easter_is_computed_for_any_year(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), FrenchPublicHolidays.EasterSunday(year));

    [Fact]
    public void Public_holidays_include_the_fixed_days_and_those_after_easter()
    {
        var holidays = FrenchPublicHolidays.For(2026);

        Assert.Contains(new DateOnly(2026, 7, 14), holidays);
        Assert.Contains(new DateOnly(2026, 4, 6), holidays);
        Assert.Contains(new DateOnly(2026, 5, 14), holidays);
        Assert.Contains(new DateOnly(2026, 5, 25), holidays);
        Assert.Equal(11, holidays.Count);
    }

    [Fact]
    public void Slots_follow_the_weekly_hours_and_skip_holidays_closures_and_the_past()
    {
        // Tuesday 3 November 2026 (now: 10:15), Tuesday 10 November closed, Tuesday 17 November open.
        var closure = new ReceptionClosure { From = new DateOnly(2026, 11, 10), To = new DateOnly(2026, 11, 10), Reason = "Formation" };
        var booked = new Dictionary<DateTime, int> { [new DateTime(2026, 11, 17, 9, 0, 0)] = 2, [new DateTime(2026, 11, 17, 9, 30, 0)] = 1 };

        var slots = AppointmentSlots.Offer([TuesdayMorning], [closure], new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 17), new DateTime(2026, 11, 3, 10, 15, 0), booked);

        Assert.Equal(["10:30", "11:00", "11:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"], slots.Select(s => s.StartsAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(slots, s => s.StartsAt.Day == 10);
        Assert.Equal(0, slots.Single(s => s.StartsAt == new DateTime(2026, 11, 17, 9, 0, 0)).Remaining);
        Assert.Equal(1, slots.Single(s => s.StartsAt == new DateTime(2026, 11, 17, 9, 30, 0)).Remaining);
        var wednesday = new AppointmentSchedule { Day = DayOfWeek.Wednesday, Start = new(9, 0), End = new(10, 0), SlotMinutes = 30, Capacity = 1 };
        Assert.Empty(AppointmentSlots.Offer([wednesday], [], new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 11), DateTime.MinValue, booked));
    }

    [Fact]
    public void The_indicator_gives_the_median_delay_and_the_share_within_the_promise_per_place_and_month()
    {
        var lines = AppointmentDelays.Summarise(
        [
            (1, new DateTime(2026, 10, 1, 9, 0, 0), new DateTime(2026, 10, 6, 9, 0, 0)),
            (1, new DateTime(2026, 10, 2, 9, 0, 0), new DateTime(2026, 11, 12, 9, 0, 0)),
            (1, new DateTime(2026, 10, 20, 9, 0, 0), new DateTime(2026, 10, 30, 9, 0, 0)),
            (2, new DateTime(2026, 10, 20, 9, 0, 0), new DateTime(2026, 10, 21, 9, 0, 0)),
        ], promiseDays: 30);

        var first = lines.Single(l => l.ReceptionPointId == 1);
        Assert.Equal((3, 10.0, 2), (first.Appointments, first.MedianDays, first.WithinPromise));
        Assert.Equal(2, lines.Count);
    }
}
