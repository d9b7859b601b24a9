using CilPortal.Domain.Demands;

namespace CilPortal.Tests.Domain;

public class DemandRegistrationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void A_complete_demand_breaks_no_rule()
    {
        Assert.Empty(DemandRegistrationRules.Validate(ValidDemand(), Today));
    }

    [Fact]
    public void Each_rule_names_its_field_and_the_member_it_is_about()
    {
        var demand = ValidDemand();
        demand.Nur = "123";
        demand.FiledOn = Today.AddDays(1);
        demand.Members.Add(new HouseholdMember { Role = HouseholdRole.Dependant, LastName = " ", BirthDate = Today.AddDays(3) });
        demand.CurrentOccupants = 0;
        demand.MaxRent = -1;
        demand.Resources.Add(new DemandResource { Code = "sal", MonthlyAmount = 10 });

        var violations = DemandRegistrationRules.Validate(demand, Today);

        Assert.Contains(violations, v => v is { Field: DemandField.Nur } && v.Message.Contains("« 123 »", StringComparison.Ordinal));
        Assert.Contains(violations, v => v is { Field: DemandField.FiledOn });
        Assert.Contains(violations, v => v is { Field: DemandField.LastName, MemberIndex: 1 });
        Assert.Contains(violations, v => v is { Field: DemandField.BirthDate, MemberIndex: 1, Message: "la date de naissance est dans le futur." });
        Assert.Contains(violations, v => v is { Field: DemandField.CurrentOccupants });
        Assert.Contains(violations, v => v is { Field: DemandField.MaxRent });
        Assert.Contains(violations, v => v is { Field: DemandField.Resource });
    }

    [Fact]
    public void A_demand_has_exactly_one_applicant_and_at_most_six_expected_children()
    {
        var none = ValidDemand();
        none.Members.Clear();
        var many = ValidDemand();
        for (var i = 0; i < 7; i++)
        {
            many.Members.Add(new HouseholdMember { Role = HouseholdRole.ExpectedChild, BirthDate = Today.AddMonths(3) });
        }

        Assert.Contains(DemandRegistrationRules.Validate(none, Today), v => v.Message == "le demandeur est absent.");
        Assert.Contains(DemandRegistrationRules.Validate(many, Today), v => v.Field == DemandField.ExpectedChildren);

        // An expected child is born in the future: that is not an error.
        many.Members.RemoveAt(1);
        Assert.Empty(DemandRegistrationRules.Validate(many, Today));
    }

    [Fact]
    public void A_desk_number_has_the_registry_layout_and_its_sequence_is_read_back()
    {
        var nur = Nur.Issue("111", new DateOnly(2026, 11, 3), 42, 7);

        Assert.Equal("111112600004 2G0007".Replace(" ", "", StringComparison.Ordinal), nur);
        Assert.True(Nur.IsWellFormed(nur));
        Assert.Equal(42, Nur.DeskSequence(nur));
        Assert.StartsWith(Nur.MonthPrefix("111", new DateOnly(2026, 11, 30)), nur, StringComparison.Ordinal);
        Assert.Null(Nur.DeskSequence("1110318016982A1104"));
        Assert.Throws<ArgumentException>(() => Nur.Issue("11A", Today, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nur.Issue("111", Today, Nur.MaxDeskSequence + 1, 1));
    }

    private static Demand ValidDemand()
    {
        var demand = new Demand { Nur = "1110318016982G1104", FiledOn = Today, CurrentOccupants = 3, CurrentRent = 520m, MaxRent = 600m };
        demand.Members.Add(new HouseholdMember { Role = HouseholdRole.Applicant, LastName = "Martin", FirstName = "Léa", BirthDate = new DateOnly(1990, 4, 2) });
        demand.Resources.Add(new DemandResource { Code = "SAL", MonthlyAmount = 1450m });
        demand.WishedCommunes.Add(new DemandWishedCommune { CommuneInseeCode = "11262", Rank = 1 });
        return demand;
    }
}
