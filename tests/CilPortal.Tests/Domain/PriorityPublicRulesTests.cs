using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Scoring;

namespace CilPortal.Tests.Domain;

public class PriorityPublicRulesTests
{
    [Fact]
    public void Recognised_households_always_count_and_situations_count_only_when_the_year_lists_them()
    {
        var disabled = new Demand { Situations = DemandSituations.Disability | DemandSituations.JobNearby, CurrentHousing = HousingSituation.PrivateTenant };
        var hosted = new Demand { CurrentHousing = HousingSituation.HostedByFamilyOrFriends };
        var labelled = new Demand { IsPriorityPublic = true };
        var dalo = new Demand { IsDaloRecognised = true };

        Assert.Equal(PriorityPublicCriteria.Disability, PriorityPublicRules.Matches(disabled));
        Assert.Equal(PriorityPublicCriteria.HostedByThirdParty, PriorityPublicRules.Matches(hosted));
        Assert.False(PriorityPublicRules.IsPriorityPublic(disabled, PriorityPublicCriteria.None));
        Assert.True(PriorityPublicRules.IsPriorityPublic(disabled, PriorityPublicCriteria.Disability | PriorityPublicCriteria.InShelter));
        Assert.False(PriorityPublicRules.IsPriorityPublic(hosted, PriorityPublicCriteria.WithoutHousing));
        Assert.True(PriorityPublicRules.IsPriorityPublic(labelled, PriorityPublicCriteria.None));
        Assert.True(PriorityPublicRules.IsPriorityPublic(dalo, PriorityPublicCriteria.None));
        Assert.All(PriorityPublicRules.All, c => Assert.DoesNotContain(c.ToString(), c.French(), StringComparison.Ordinal));
    }
}
