using CilPortal.Domain.Demands;
using CilPortal.Domain.Stock;

namespace CilPortal.Tests.Domain;

public class PersonalDataRetentionTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Theory]
    [InlineData(DemandStatus.StruckOff, "2025-06-14", true)]
    [InlineData(DemandStatus.StruckOff, "2025-06-15", false)]
    [InlineData(DemandStatus.StruckOff, "2026-01-01", false)]
    [InlineData(DemandStatus.Active, "2024-01-01", false)]
    public void A_demand_is_due_only_when_struck_off_more_than_the_retention_period_ago(DemandStatus status, string struckOffOn, bool due)
    {
        var demand = new Demand { Status = status, StruckOffOn = DateOnly.Parse(struckOffOn, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(due, PersonalDataRetention.IsDue(demand, Today, 12));
    }

    [Fact]
    public void A_demand_already_purged_or_without_radiation_date_is_not_due_and_the_period_is_at_least_a_month()
    {
        Assert.False(PersonalDataRetention.IsDue(new Demand { Status = DemandStatus.StruckOff, StruckOffOn = new DateOnly(2020, 1, 1), PersonalDataPurgedOn = new DateOnly(2021, 1, 2) }, Today, 12));
        Assert.False(PersonalDataRetention.IsDue(new Demand { Status = DemandStatus.StruckOff }, Today, 12));
        Assert.Equal(new DateOnly(2025, 12, 15), PersonalDataRetention.Cutoff(Today, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonalDataRetention.Cutoff(Today, 0));
        Assert.Equal(new DateTimeOffset(2025, 6, 15, 10, 0, 0, TimeSpan.Zero), AuditRetention.Cutoff(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero), 12));
    }

    [Fact]
    public void Stripping_removes_contact_access_money_and_names_and_keeps_what_statistics_read()
    {
        var demand = new Demand
        {
            Nur = "011110000000000001",
            FiledOn = new DateOnly(2023, 2, 1),
            Status = DemandStatus.StruckOff,
            RadiationReason = RadiationReason.LeaseSigned,
            StruckOffOn = new DateOnly(2025, 1, 10),
            WishedTypologies = TypologySet.T2 | TypologySet.T3,
            IsPriorityPublic = true,
            CurrentHousing = HousingSituation.HostedByFamilyOrFriends,
            ContactEmail = "a@exemple.fr",
            ContactPhone = "0400000000",
            PortalEmail = "b@exemple.fr",
            PortalPhone = "0600000000",
            PendingPortalEmail = "c@exemple.fr",
            PendingPortalEmailTokenHash = "h",
            NoticeToken = "t",
            AccessCodeHash = "code",
            AccessCodeIssuedOn = new DateOnly(2024, 1, 1),
            ReferenceIncomeN2 = 12000m,
            CurrentRent = 500m,
            MaxRent = 600m,
            Situations = CilPortal.Domain.Scoring.DemandSituations.DomesticViolence,
        };
        demand.Members.Add(new HouseholdMember { Role = HouseholdRole.Applicant, FirstName = "Awa", LastName = "Diallo", BirthDate = new DateOnly(1990, 5, 17) });
        demand.Resources.Add(new DemandResource { Code = "SAL", MonthlyAmount = 1500m });
        demand.WishedCommunes.Add(new DemandWishedCommune { CommuneInseeCode = "11262", Rank = 1 });
        demand.Events.Add(new DemandEvent { Kind = DemandEventKind.StruckOff, Detail = "Texte libre", OccurredOn = new DateOnly(2025, 1, 10) });

        Assert.True(PersonalDataRetention.Strip(demand, Today));

        Assert.Equal(new DateOnly(2026, 6, 15), demand.PersonalDataPurgedOn);
        Assert.All(new[] { demand.ContactEmail, demand.ContactPhone, demand.PortalEmail, demand.PortalPhone, demand.PendingPortalEmail, demand.PendingPortalEmailTokenHash, demand.NoticeToken, demand.AccessCodeHash }, Assert.Null);
        Assert.Null(demand.ReferenceIncomeN2);
        Assert.Null(demand.CurrentRent);
        Assert.Equal(CilPortal.Domain.Scoring.DemandSituations.None, demand.Situations);
        Assert.Empty(demand.Resources);
        Assert.Equal(("", "", new DateOnly(1990, 1, 1), HouseholdRole.Applicant), (demand.Members[0].FirstName, demand.Members[0].LastName, demand.Members[0].BirthDate, demand.Members[0].Role));
        Assert.Null(demand.Events[0].Detail);

        // What statistics read stays.
        Assert.Equal(("011110000000000001", new DateOnly(2023, 2, 1), RadiationReason.LeaseSigned, new DateOnly(2025, 1, 10)), (demand.Nur, demand.FiledOn, demand.RadiationReason!.Value, demand.StruckOffOn!.Value));
        Assert.Equal(TypologySet.T2 | TypologySet.T3, demand.WishedTypologies);
        Assert.True(demand.IsPriorityPublic);
        Assert.Equal(HousingSituation.HostedByFamilyOrFriends, demand.CurrentHousing);
        Assert.Single(demand.WishedCommunes);
        Assert.Single(demand.Events);

        Assert.False(PersonalDataRetention.Strip(demand, Today.AddDays(1)));
        Assert.Equal(new DateOnly(2026, 6, 15), demand.PersonalDataPurgedOn);
    }
}
