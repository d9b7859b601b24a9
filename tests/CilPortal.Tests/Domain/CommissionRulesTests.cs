using CilPortal.Domain.Commission;

namespace CilPortal.Tests.Domain;

public class CommissionRulesTests
{
    private static readonly DateOnly Opened = new(2026, 3, 10);

    private static CoordinationCase Case(CaseStatus status = CaseStatus.Open) => new() { Id = 7, OpenedOn = Opened, Status = status };

    [Fact]
    public void A_case_is_closed_only_with_a_closing_note_and_not_before_it_was_opened()
    {
        Assert.Contains("Indiquez la note de clôture : comment la situation s'est dénouée.", CommissionRules.ValidateClosing(Case(), "  ", Opened.AddDays(3)));
        Assert.Contains("Un dossier ne peut pas être clos avant son ouverture.", CommissionRules.ValidateClosing(Case(), "Relogé.", Opened.AddDays(-1)));
        Assert.Empty(CommissionRules.ValidateClosing(Case(CaseStatus.InProgress), "Relogé.", Opened));
        Assert.Equal(["Ce dossier est déjà clos."], CommissionRules.ValidateClosing(Case(CaseStatus.Closed), "Relogé.", Opened.AddDays(5)));
    }

    [Fact]
    public void An_actions_due_date_cannot_precede_the_opening_of_its_case()
    {
        Assert.Contains("L'échéance ne peut pas précéder l'ouverture du dossier.", CommissionRules.ValidateAction(Case(), "Rechercher un T3.", "Service habitat", Opened.AddDays(-1)));
        Assert.Empty(CommissionRules.ValidateAction(Case(), "Rechercher un T3.", "Service habitat", Opened));
        Assert.Equal(
            ["Décrivez l'action à mener.", "Indiquez qui porte l'action.", "Indiquez l'échéance de l'action."],
            CommissionRules.ValidateAction(Case(), "", null, null));
    }

    [Fact]
    public void A_closed_case_accepts_no_new_session_decision_action_or_document()
    {
        var closed = Case(CaseStatus.Closed);

        Assert.Equal(["Ce dossier est clos : il ne reçoit plus d'action."], CommissionRules.ValidateAction(closed, "Rechercher.", "Habitat", Opened.AddDays(3)));
        Assert.Contains("Dossier n° 7 : le dossier est clos, il ne peut plus être examiné.", CommissionRules.ValidateSession(Opened.AddDays(2), ["Habitat"], [(closed, "Décision.")], Opened.AddDays(5)));
        Assert.NotEmpty(CommissionRules.ValidateDocument(closed, "Rapport social"));
        Assert.NotEmpty(CommissionRules.ValidateCompletion(closed, new CaseAction { DueOn = Opened }, Opened.AddDays(2)));
    }

    [Fact]
    public void A_session_is_held_not_in_the_future_with_attendees_a_case_and_a_decision_for_each()
    {
        var today = Opened.AddDays(10);

        Assert.Empty(CommissionRules.ValidateSession(today, ["Habitat", "CCAS"], [(Case(), "Rechercher un logement adapté.")], today));
        var errors = CommissionRules.ValidateSession(today.AddDays(1), [], [], today).ToList();
        Assert.Contains("La date de la séance ne peut pas être dans le futur : notez la séance une fois tenue.", errors);
        Assert.Contains("Indiquez les participants, un par ligne.", errors);
        Assert.Contains("Cochez au moins un dossier examiné.", errors);
        Assert.Equal(["Dossier n° 7 : indiquez la décision prise."], CommissionRules.ValidateSession(today, ["Habitat"], [(Case(), " ")], today));
        Assert.Equal(["Dossier n° 7 : la séance ne peut pas précéder l'ouverture du dossier."], CommissionRules.ValidateSession(Opened.AddDays(-1), ["Habitat"], [(Case(), "Vu.")], today));
    }

    [Fact]
    public void An_action_is_overdue_when_not_done_after_its_due_date()
    {
        var action = new CaseAction { DueOn = Opened.AddDays(5) };

        Assert.False(CommissionRules.IsOverdue(action, Opened.AddDays(5)));
        Assert.True(CommissionRules.IsOverdue(action, Opened.AddDays(6)));
        action.DoneOn = Opened.AddDays(7);
        Assert.False(CommissionRules.IsOverdue(action, Opened.AddDays(8)));
        Assert.Equal(["Cette action est déjà faite."], CommissionRules.ValidateCompletion(Case(), action, Opened.AddDays(8)));
    }

    [Fact]
    public void Opening_needs_a_referring_body_and_a_date_not_in_the_future()
    {
        Assert.Equal(["Indiquez l'organisme qui saisit la commission.", "La date d'ouverture ne peut pas être dans le futur."], CommissionRules.ValidateOpening(" ", Opened.AddDays(1), Opened));
        Assert.Empty(CommissionRules.ValidateOpening("CCAS", Opened, Opened));
    }

    [Fact]
    public void Attendees_and_checklists_are_read_one_per_line_without_blanks_or_repeats()
    {
        Assert.Equal(["Service habitat", "CCAS", "Bailleur 1"], CommissionRules.ParseAttendees("Service habitat\r\n\r\n CCAS ; Bailleur 1\nccas"));
        Assert.Equal(["Avis d'imposition", "Rapport social"], CommissionRules.ParseChecklist("Avis d'imposition\n  \nRapport social\navis d'imposition"));
        Assert.Empty(CommissionRules.ParseAttendees(null));
    }

    [Fact]
    public void A_case_goes_in_progress_once_worked_on_and_a_closed_case_stays_closed()
    {
        Assert.Equal(CaseStatus.InProgress, CommissionRules.AfterWork(CaseStatus.Open));
        Assert.Equal(CaseStatus.InProgress, CommissionRules.AfterWork(CaseStatus.InProgress));
        Assert.Equal(CaseStatus.Closed, CommissionRules.AfterWork(CaseStatus.Closed));
    }
}
