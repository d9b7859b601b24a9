using CilPortal.Domain.Information;
using CilPortal.Domain.Partners;

namespace CilPortal.Tests.Domain;

public class OpeningHoursTests
{
    private static readonly OpeningSlot[] Week =
    [
        new() { Day = DayOfWeek.Monday, Opens = new TimeOnly(8, 30), Closes = new TimeOnly(12, 0) },
        new() { Day = DayOfWeek.Monday, Opens = new TimeOnly(13, 30), Closes = new TimeOnly(17, 0) },
    ];

    [Theory]
    [InlineData("2026-11-30T08:29", false)]
    [InlineData("2026-11-30T08:30", true)]
    [InlineData("2026-11-30T11:59", true)]
    [InlineData("2026-11-30T12:00", false)]
    [InlineData("2026-11-30T14:00", true)]
    [InlineData("2026-12-01T10:00", false)]
    public void A_place_is_open_inside_its_slots_only(string localTime, bool open) =>
        Assert.Equal(open, OpeningHours.IsOpenAt(Week, [], DateTime.Parse(localTime, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_closure_closes_the_place_on_every_day_it_covers()
    {
        ReceptionClosure[] closures = [new() { From = new DateOnly(2026, 11, 30), To = new DateOnly(2026, 11, 30), Reason = "Formation" }];

        Assert.False(OpeningHours.IsOpenAt(Week, closures, new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Unspecified)));
        Assert.True(OpeningHours.IsOpenAt(Week, closures, new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal("Formation", OpeningHours.ClosureOn(closures, new DateOnly(2026, 11, 30))?.Reason);
    }

    [Fact]
    public void Overlapping_or_reversed_slots_are_reported_in_french()
    {
        OpeningSlot[] slots =
        [
            new() { Day = DayOfWeek.Tuesday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0) },
            new() { Day = DayOfWeek.Tuesday, Opens = new TimeOnly(11, 0), Closes = new TimeOnly(15, 0) },
            new() { Day = DayOfWeek.Friday, Opens = new TimeOnly(17, 0), Closes = new TimeOnly(9, 0) },
        ];

        var problems = OpeningHours.Validate(slots);

        Assert.Contains("Mardi : deux plages horaires se chevauchent.", problems);
        Assert.Contains("Vendredi : l'heure de fermeture doit être après l'heure d'ouverture.", problems);
        Assert.Empty(OpeningHours.Validate(Week));
    }
}
