using CilPortal.Domain.Commission;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Reception;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Commission;

/// <summary>The outcome of a change: the French errors (nothing written), or the id of what was created or changed.</summary>
public sealed record CommissionResult(IReadOnlyList<string> Errors, int? Id = null)
{
    public bool Succeeded => Errors.Count == 0;

    public static CommissionResult Refused(params string[] errors) => new(errors);

    public static CommissionResult Done(int id) => new([], id);
}

/// <summary>A member of staff who may be invited to a case (a reception or bailleur agent).</summary>
public sealed record InvitableAgent(string UserId, string DisplayName, string Email);

/// <summary>
/// Changes to the coordination commission's cases and sessions. Each checks the rules first and writes nothing
/// when one fails; a change that concerns a demand is logged in the demand access log, in the same save.
/// Who may do what is the pages' business (see <see cref="CommissionAccess"/>).
/// </summary>
public sealed class CommissionService(CilPortalDbContext db, TimeProvider time)
{
    public async Task<CommissionResult> OpenAsync(string? nurInput, CaseReason reason, string? referringBody, DateOnly openedOn, string? checklist, string userName, DateOnly today, CancellationToken cancellationToken = default)
    {
        var (demandId, nurError) = await FindDemandAsync(nurInput, cancellationToken);
        var errors = new List<string>();
        if (nurError is not null)
        {
            errors.Add(nurError);
        }

        if (!Enum.IsDefined(reason))
        {
            errors.Add("Choisissez le motif de la saisine.");
        }

        errors.AddRange(CommissionRules.ValidateOpening(referringBody, openedOn, today));
        var documents = CommissionRules.ParseChecklist(checklist);
        if (documents.Any(d => d.Length > CommissionRules.LabelMaxLength))
        {
            errors.Add($"Le nom d'une pièce tient en {CommissionRules.LabelMaxLength} caractères au plus.");
        }

        if (errors.Count > 0)
        {
            return new CommissionResult(errors);
        }

        var opened = new CoordinationCase
        {
            DemandId = demandId!.Value,
            Reason = reason,
            ReferringBody = referringBody!.Trim(),
            OpenedOn = openedOn,
            OpenedBy = userName,
            Status = CaseStatus.Open,
        };
        opened.Documents.AddRange(documents.Select(label => new CaseDocument { Label = label }));
        db.CoordinationCases.Add(opened);
        Log(userName, opened.DemandId, "commission-ouverture");
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult.Done(opened.Id);
    }

    /// <summary>The demand of a typed NUR, or why there is none (in French).</summary>
    public async Task<(int? DemandId, string? Error)> FindDemandAsync(string? nurInput, CancellationToken cancellationToken = default)
    {
        var nur = Nur.Normalise(nurInput);
        if (string.IsNullOrEmpty(nur))
        {
            return (null, "Indiquez le numéro unique de la demande.");
        }

        if (!Nur.IsWellFormed(nur))
        {
            return (null, $"Le numéro unique compte {Nur.Length} caractères, chiffres et lettres majuscules : vérifiez-le.");
        }

        var demandId = await db.Demands.Where(d => d.Nur == nur).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken);
        return demandId is null ? (null, $"Aucune demande ne porte le numéro {nur}.") : (demandId, null);
    }

    public async Task<CommissionResult> AddDocumentAsync(int caseId, string? label, string userName, CancellationToken cancellationToken = default)
    {
        var found = await CaseAsync(caseId, cancellationToken);
        var errors = CommissionRules.ValidateDocument(found, label).ToList();
        if (errors.Count > 0)
        {
            return new CommissionResult(errors);
        }

        found.Documents.Add(new CaseDocument { Label = label!.Trim() });
        Log(userName, found.DemandId, "commission-piece");
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult.Done(caseId);
    }

    /// <summary>Ticks the documents received (dated today when newly ticked) and unticks the others.</summary>
    public async Task<CommissionResult> SetReceivedAsync(int caseId, IReadOnlyCollection<int> received, DateOnly today, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(received);
        var found = await CaseAsync(caseId, cancellationToken);
        if (CommissionRules.IsClosed(found))
        {
            return CommissionResult.Refused("Ce dossier est clos : sa liste de pièces ne change plus.");
        }

        foreach (var document in found.Documents)
        {
            var ticked = received.Contains(document.Id);
            document.ReceivedOn = ticked ? document.ReceivedOn ?? today : null;
        }

        Log(userName, found.DemandId, "commission-pieces");
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult.Done(caseId);
    }

    public async Task<CommissionResult> AddActionAsync(int caseId, string? description, string? ownerName, string? ownerUserId, DateOnly? dueOn, string userName, CancellationToken cancellationToken = default)
    {
        var found = await CaseAsync(caseId, cancellationToken);
        var errors = CommissionRules.ValidateAction(found, description, ownerName, dueOn).ToList();
        if (!string.IsNullOrEmpty(ownerUserId) && !await db.CaseInvitations.AnyAsync(i => i.CaseId == caseId && i.UserId == ownerUserId, cancellationToken))
        {
            errors.Add("Le compte du porteur doit être celui d'un agent invité au dossier.");
        }

        if (errors.Count > 0)
        {
            return new CommissionResult(errors);
        }

        var action = new CaseAction
        {
            Description = description!.Trim(),
            OwnerName = ownerName!.Trim(),
            OwnerUserId = string.IsNullOrEmpty(ownerUserId) ? null : ownerUserId,
            DueOn = dueOn!.Value,
        };
        found.Actions.Add(action);
        found.Status = CommissionRules.AfterWork(found.Status);
        Log(userName, found.DemandId, "commission-action");
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult.Done(action.Id);
    }

    public async Task<CommissionResult> CompleteActionAsync(int caseId, int actionId, DateOnly today, string userName, CancellationToken cancellationToken = default)
    {
        var found = await CaseAsync(caseId, cancellationToken);
        var action = found.Actions.Single(a => a.Id == actionId);
        var errors = CommissionRules.ValidateCompletion(found, action, today).ToList();
        if (errors.Count > 0)
        {
            return new CommissionResult(errors);
        }

        action.DoneOn = today;
        action.DoneBy = userName;
        Log(userName, found.DemandId, "commission-action-faite");
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult.Done(actionId);
    }

    public async Task<CommissionResult> CloseAsync(int caseId, string? closingNote, DateOnly today, string userName, CancellationToken cancellationToken = default)
    {
        var found = await CaseAsync(caseId, cancellationToken);
        var errors = CommissionRules.ValidateClosing(found, closingNote, today).ToList();
        if (errors.Count > 0)
        {
            return new CommissionResult(errors);
        }

        found.Status = CaseStatus.Closed;
        found.ClosedOn = today;
        found.ClosingNote = closingNote!.Trim();
        Log(userName, found.DemandId, "commission-cloture");
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult.Done(caseId);
    }

    /// <summary>The reception and bailleur agents, who may be invited (administrators see every case anyway).</summary>
    public async Task<IReadOnlyList<InvitableAgent>> InvitableAgentsAsync(CancellationToken cancellationToken = default)
    {
        var roleIds = db.Roles.Where(r => r.Name == Roles.ReceptionAgent || r.Name == Roles.BailleurAgent).Select(r => r.Id);
        var agents = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return [.. agents.Select(a => new InvitableAgent(a.Id, a.DisplayName, a.Email ?? "")).OrderBy(a => a.DisplayName, StringComparer.CurrentCulture)];
    }

    public async Task<CommissionResult> InviteAsync(int caseId, string? userId, string userName, CancellationToken cancellationToken = default)
    {
        var found = await CaseAsync(caseId, cancellationToken);
        if (CommissionRules.IsClosed(found))
        {
            return CommissionResult.Refused("Ce dossier est clos : il ne reçoit plus d'invitation.");
        }

        if (string.IsNullOrEmpty(userId) || (await InvitableAgentsAsync(cancellationToken)).All(a => a.UserId != userId))
        {
            return CommissionResult.Refused("Choisissez un agent d'accueil ou un agent bailleur de la liste.");
        }

        if (await db.CaseInvitations.AnyAsync(i => i.CaseId == caseId && i.UserId == userId, cancellationToken))
        {
            return CommissionResult.Refused("Cet agent est déjà invité au dossier.");
        }

        db.CaseInvitations.Add(new CaseInvitation { CaseId = caseId, UserId = userId, InvitedAt = time.GetUtcNow(), InvitedBy = userName });
        Log(userName, found.DemandId, "commission-invitation");
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult.Done(caseId);
    }

    /// <summary>Withdraws an invitation; the agent's actions keep their owner's name but no longer their account.</summary>
    public async Task<CommissionResult> WithdrawAsync(int caseId, string? userId, string userName, CancellationToken cancellationToken = default)
    {
        var found = await CaseAsync(caseId, cancellationToken);
        var invitation = await db.CaseInvitations.SingleOrDefaultAsync(i => i.CaseId == caseId && i.UserId == userId, cancellationToken);
        if (invitation is null)
        {
            return CommissionResult.Refused("Cet agent n'est pas invité au dossier.");
        }

        db.CaseInvitations.Remove(invitation);
        foreach (var action in found.Actions.Where(a => a.OwnerUserId == userId && a.DoneOn is null))
        {
            action.OwnerUserId = null;
        }

        Log(userName, found.DemandId, "commission-retrait");
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult.Done(caseId);
    }

    /// <summary>Records a session held, with its attendees and a decision per case examined; an open case examined is then in progress.</summary>
    public async Task<CommissionResult> RecordSessionAsync(DateOnly? heldOn, string? attendeesText, IReadOnlyDictionary<int, string?> decisions, DateOnly today, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var ids = decisions.Keys.ToList();
        var cases = await db.CoordinationCases.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        var errors = new List<string>();
        if (cases.Count != ids.Count)
        {
            errors.Add("Un des dossiers cochés n'existe pas.");
        }

        var attendees = CommissionRules.ParseAttendees(attendeesText);
        errors.AddRange(CommissionRules.ValidateSession(heldOn, attendees, [.. cases.OrderBy(c => c.Id).Select(c => (c, decisions[c.Id]))], today));
        if (errors.Count > 0)
        {
            return new CommissionResult(errors);
        }

        var session = new CommissionSession { HeldOn = heldOn!.Value, Attendees = [.. attendees], RecordedBy = userName };
        foreach (var examined in cases)
        {
            session.Decisions.Add(new CaseDecision { CaseId = examined.Id, Text = decisions[examined.Id]!.Trim() });
            examined.Status = CommissionRules.AfterWork(examined.Status);
            Log(userName, examined.DemandId, "commission-seance");
        }

        db.CommissionSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult.Done(session.Id);
    }

    private async Task<CoordinationCase> CaseAsync(int caseId, CancellationToken cancellationToken) =>
        await db.CoordinationCases.Include(c => c.Documents).Include(c => c.Actions).AsSplitQuery().SingleAsync(c => c.Id == caseId, cancellationToken);

    private void Log(string userName, int demandId, string action) =>
        db.DemandAccessLogs.Add(new DemandAccessLog { At = time.GetUtcNow(), UserName = userName, DemandId = demandId, Purpose = DemandAccessPurpose.Commission, Action = action });
}
