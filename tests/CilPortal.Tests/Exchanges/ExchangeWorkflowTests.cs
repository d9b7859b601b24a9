using CilPortal.Domain.Exchanges;

namespace CilPortal.Tests.Exchanges;

public class ExchangeWorkflowTests
{
    private static ExchangeParticipant P(ParticipantAnswer answer = ParticipantAnswer.Accepted, ExchangeCaleolDecision caleol = ExchangeCaleolDecision.Pending, CheckOutcome check = CheckOutcome.Pending) =>
        new() { Answer = answer, CaleolDecision = caleol, OccupationCheck = check, AdaptationCheck = check, ArrearsCheck = check };

    [Fact]
    public void A_proposal_waits_for_every_answer_then_goes_to_the_bailleurs()
    {
        Assert.Equal(ProposalStatus.AwaitingAnswers, ExchangeWorkflow.Evaluate([P(), P(ParticipantAnswer.Pending), P()]));
        Assert.Equal(ProposalStatus.UnderReview, ExchangeWorkflow.Evaluate([P(), P(), P()]));
    }

    [Fact]
    public void One_decline_or_silence_closes_it_and_says_who()
    {
        Assert.Equal(ProposalStatus.Declined, ExchangeWorkflow.Evaluate([P(), P(ParticipantAnswer.Declined), P(ParticipantAnswer.Pending)]));
        var expired = new[] { P(), P(ParticipantAnswer.Expired) };
        expired[1].Member = new ExchangeMember { Pseudonym = "Tilleul-1234" };
        Assert.Equal(ProposalStatus.Declined, ExchangeWorkflow.Evaluate(expired));
        Assert.Equal("Tilleul-1234 n'a pas répondu dans les 14 jours.", ExchangeWorkflow.ClosingReason(expired, p => p.Member?.Pseudonym ?? "?"));
    }

    [Fact]
    public void It_completes_only_when_every_caleol_attributes_and_any_refusal_or_unfavourable_check_cancels()
    {
        Assert.Equal(ProposalStatus.UnderReview, ExchangeWorkflow.Evaluate([P(caleol: ExchangeCaleolDecision.Attribution, check: CheckOutcome.Favourable), P(check: CheckOutcome.Favourable)]));
        Assert.Equal(ProposalStatus.Completed, ExchangeWorkflow.Evaluate([P(caleol: ExchangeCaleolDecision.Attribution), P(caleol: ExchangeCaleolDecision.Attribution)]));
        Assert.Equal(ProposalStatus.Cancelled, ExchangeWorkflow.Evaluate([P(caleol: ExchangeCaleolDecision.Attribution), P(caleol: ExchangeCaleolDecision.Refusal)]));
        var unfavourable = P();
        unfavourable.ArrearsCheck = CheckOutcome.Unfavourable;
        Assert.Equal(ProposalStatus.Cancelled, ExchangeWorkflow.Evaluate([P(), unfavourable]));
        Assert.Equal("L'examen du bailleur est défavorable pour B.", ExchangeWorkflow.ClosingReason([P(), unfavourable], p => p == unfavourable ? "B" : "A"));
    }

    [Fact]
    public void Contacts_are_shared_only_when_everyone_consents()
    {
        var a = P();
        var b = P();
        a.SharesContact = true;
        Assert.False(ExchangeWorkflow.ContactsShared([a, b]));
        b.SharesContact = true;
        Assert.True(ExchangeWorkflow.ContactsShared([a, b]));
    }

    [Fact]
    public void The_last_household_moves_into_the_first_dwelling()
    {
        Assert.Equal(1, ExchangeWorkflow.NextPosition(0, 3));
        Assert.Equal(0, ExchangeWorkflow.NextPosition(2, 3));
        Assert.True(ExchangeWorkflow.IsOverdue(new DateTime(2026, 1, 1), new DateTime(2026, 1, 15)));
        Assert.False(ExchangeWorkflow.IsOverdue(new DateTime(2026, 1, 1), new DateTime(2026, 1, 14, 23, 0, 0)));
    }

    [Theory]
    [InlineData("Appelez-moi au 06 12 34 56 78", true)]
    [InlineData("tel 0612345678", true)]
    [InlineData("+33 6 12 34 56 78", true)]
    [InlineData("écrivez à jean.dupont@example.fr", true)]
    [InlineData("voir www.exemple.fr", true)]
    [InlineData("Trois pièces de 68 m² au 2e étage, loyer 610 €, 12 ans de bail", false)]
    [InlineData("Proche du bus 12 et de l'école, cave de 4 m²", false)]
    public void Contact_details_in_a_description_are_refused(string text, bool refused)
    {
        Assert.Equal(refused, ExchangeListingRules.ContainsContactDetails(text));
    }

    [Fact]
    public void A_listing_out_of_bounds_gets_one_french_message_per_field()
    {
        var listing = new ExchangeListing { Typology = (CilPortal.Domain.Stock.Typology)9, Surface = 5, Rent = 0, Charges = -1, Floor = 60, Description = "06 12 34 56 78", MaxRentWithCharges = 0, MinSurface = 1000 };
        var fields = ExchangeListingRules.Validate(listing).Select(v => v.Field).ToList();
        Assert.Equal(["Typology", "Surface", "Rent", "Charges", "Floor", "Description", "MaxRentWithCharges", "MinSurface"], fields);
        Assert.Empty(ExchangeListingRules.Validate(new ExchangeListing { Typology = CilPortal.Domain.Stock.Typology.T3, Surface = 60, Rent = 450, Charges = 80, Floor = 2 }));
        Assert.Equal("Écrivez votre message.", Assert.Single(ExchangeListingRules.ValidateMessage("  ")).Message);
    }
}
