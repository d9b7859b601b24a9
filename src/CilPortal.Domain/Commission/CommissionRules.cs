namespace CilPortal.Domain.Commission;

/// <summary>Rules of the coordination commission, pure. Messages are French, for the forms.</summary>
public static class CommissionRules
{
    public const int ReferringBodyMaxLength = 200;
    public const int LabelMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int OwnerMaxLength = 200;
    public const int AttendeeMaxLength = 200;
    public const int MaxAttendees = 40;

    public static bool IsClosed(CoordinationCase coordinationCase)
    {
        ArgumentNullException.ThrowIfNull(coordinationCase);
        return coordinationCase.Status == CaseStatus.Closed;
    }

    /// <summary>An action not done whose due date has passed.</summary>
    public static bool IsOverdue(CaseAction action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.DoneOn is null && action.DueOn < today;
    }

    public static IEnumerable<string> ValidateOpening(string? referringBody, DateOnly openedOn, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(referringBody))
        {
            yield return "Indiquez l'organisme qui saisit la commission.";
        }
        else if (referringBody.Trim().Length > ReferringBodyMaxLength)
        {
            yield return $"L'organisme tient en {ReferringBodyMaxLength} caractères au plus.";
        }

        if (openedOn > today)
        {
            yield return "La date d'ouverture ne peut pas être dans le futur.";
        }
    }

    /// <summary>A case is closed once, with a note saying how it ended, on or after the day it was opened.</summary>
    public static IEnumerable<string> ValidateClosing(CoordinationCase coordinationCase, string? closingNote, DateOnly closedOn)
    {
        ArgumentNullException.ThrowIfNull(coordinationCase);
        if (IsClosed(coordinationCase))
        {
            yield return "Ce dossier est déjà clos.";
            yield break;
        }

        if (string.IsNullOrWhiteSpace(closingNote))
        {
            yield return "Indiquez la note de clôture : comment la situation s'est dénouée.";
        }
        else if (closingNote.Trim().Length > TextMaxLength)
        {
            yield return $"La note de clôture tient en {TextMaxLength} caractères au plus.";
        }

        if (closedOn < coordinationCase.OpenedOn)
        {
            yield return "Un dossier ne peut pas être clos avant son ouverture.";
        }
    }

    public static IEnumerable<string> ValidateAction(CoordinationCase coordinationCase, string? description, string? ownerName, DateOnly? dueOn)
    {
        ArgumentNullException.ThrowIfNull(coordinationCase);
        if (IsClosed(coordinationCase))
        {
            yield return "Ce dossier est clos : il ne reçoit plus d'action.";
            yield break;
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            yield return "Décrivez l'action à mener.";
        }
        else if (description.Trim().Length > TextMaxLength)
        {
            yield return $"L'action tient en {TextMaxLength} caractères au plus.";
        }

        if (string.IsNullOrWhiteSpace(ownerName))
        {
            yield return "Indiquez qui porte l'action.";
        }
        else if (ownerName.Trim().Length > OwnerMaxLength)
        {
            yield return $"Le porteur tient en {OwnerMaxLength} caractères au plus.";
        }

        if (dueOn is null)
        {
            yield return "Indiquez l'échéance de l'action.";
        }
        else if (dueOn < coordinationCase.OpenedOn)
        {
            yield return "L'échéance ne peut pas précéder l'ouverture du dossier.";
        }
    }

    /// <summary>An action is marked done once, not before the case was opened, and only while the case is not closed.</summary>
    public static IEnumerable<string> ValidateCompletion(CoordinationCase coordinationCase, CaseAction action, DateOnly doneOn)
    {
        ArgumentNullException.ThrowIfNull(coordinationCase);
        ArgumentNullException.ThrowIfNull(action);
        if (IsClosed(coordinationCase))
        {
            yield return "Ce dossier est clos : ses actions ne changent plus.";
        }
        else if (action.DoneOn is not null)
        {
            yield return "Cette action est déjà faite.";
        }
        else if (doneOn < coordinationCase.OpenedOn)
        {
            yield return "Une action ne peut pas être faite avant l'ouverture du dossier.";
        }
    }

    public static IEnumerable<string> ValidateDocument(CoordinationCase coordinationCase, string? label)
    {
        ArgumentNullException.ThrowIfNull(coordinationCase);
        if (IsClosed(coordinationCase))
        {
            yield return "Ce dossier est clos : sa liste de pièces ne change plus.";
        }
        else if (string.IsNullOrWhiteSpace(label))
        {
            yield return "Indiquez la pièce attendue.";
        }
        else if (label.Trim().Length > LabelMaxLength)
        {
            yield return $"Le nom d'une pièce tient en {LabelMaxLength} caractères au plus.";
        }
    }

    /// <summary>
    /// A session held on a day (not in the future), with attendees, examining at least one case; each case examined
    /// is open on that day (not closed, opened on or before it) and gets a decision.
    /// </summary>
    public static IEnumerable<string> ValidateSession(DateOnly? heldOn, IReadOnlyList<string> attendees, IReadOnlyList<(CoordinationCase Case, string? Decision)> examined, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        ArgumentNullException.ThrowIfNull(examined);
        if (heldOn is null)
        {
            yield return "Indiquez la date de la séance.";
        }
        else if (heldOn > today)
        {
            yield return "La date de la séance ne peut pas être dans le futur : notez la séance une fois tenue.";
        }

        if (attendees.Count == 0)
        {
            yield return "Indiquez les participants, un par ligne.";
        }
        else if (attendees.Count > MaxAttendees)
        {
            yield return $"Une séance compte {MaxAttendees} participants au plus.";
        }
        else if (attendees.Any(a => a.Length > AttendeeMaxLength))
        {
            yield return $"Chaque participant tient en {AttendeeMaxLength} caractères au plus.";
        }

        if (examined.Count == 0)
        {
            yield return "Cochez au moins un dossier examiné.";
        }

        foreach (var (coordinationCase, decision) in examined)
        {
            var which = $"Dossier n° {coordinationCase.Id}";
            if (IsClosed(coordinationCase))
            {
                yield return $"{which} : le dossier est clos, il ne peut plus être examiné.";
                continue;
            }

            if (heldOn is { } date && date < coordinationCase.OpenedOn)
            {
                yield return $"{which} : la séance ne peut pas précéder l'ouverture du dossier.";
            }

            if (string.IsNullOrWhiteSpace(decision))
            {
                yield return $"{which} : indiquez la décision prise.";
            }
            else if (decision.Trim().Length > TextMaxLength)
            {
                yield return $"{which} : la décision tient en {TextMaxLength} caractères au plus.";
            }
        }
    }

    /// <summary>The attendees typed one per line (or separated by semicolons), trimmed, without blanks or repeats.</summary>
    public static IReadOnlyList<string> ParseAttendees(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The checklist typed one document per line, trimmed, without blanks or repeats.</summary>
    public static IReadOnlyList<string> ParseChecklist(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The status once a session has examined the case or an action is planned: an open case is then in progress.</summary>
    public static CaseStatus AfterWork(CaseStatus status) => status == CaseStatus.Open ? CaseStatus.InProgress : status;
}
