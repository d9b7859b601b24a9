using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur.Attributions;

public sealed record CandidateLine(Allocation Allocation, string Nur, string Name);

/// <summary>
/// One examination of the agent's bailleur: candidates and decisions, then the applicant's answer and the lease,
/// which classifies the allocation for the CIA. Another bailleur's examination is 404, and so is its candidate.
/// </summary>
public class ExamenModel(CilPortalDbContext db, CaleolService caleol, ParisClock clock) : BailleurPageModel
{
    public CaleolExamination Examination { get; private set; } = new();

    public string Dwelling { get; private set; } = "";

    public string? QpvCode { get; private set; }

    public string Reservataire { get; private set; } = "";

    public IReadOnlyList<CandidateLine> Candidates { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(int id, int allocationId, OfferAnswer answer, DateOnly? answeredOn, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Candidates.All(c => c.Allocation.Id != allocationId))
        {
            return NotFound();
        }

        var result = await caleol.RecordAnswerAsync(BailleurId, allocationId, answer, answeredOn, cancellationToken);
        return await AfterAsync(id, result, "La réponse du demandeur est enregistrée.", cancellationToken);
    }

    public async Task<IActionResult> OnPostLeaseAsync(int id, int allocationId, DateOnly? signedOn, bool urbanRenewal, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Candidates.All(c => c.Allocation.Id != allocationId))
        {
            return NotFound();
        }

        var result = signedOn is { } date
            ? await caleol.RecordLeaseAsync(BailleurId, allocationId, date, urbanRenewal, cancellationToken)
            : CaleolResult.Refused("Indiquez la date de signature du bail.");
        return await AfterAsync(id, result, "Le bail est enregistré : la demande est radiée (attribution suivie d'un bail) et l'attribution est classée pour la convention intercommunale d'attribution.", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, CaleolResult result, string message, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["Message"] = message;
        return Redirect($"/gestion/bailleur/attributions/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var examination = await db.CaleolExaminations.AsNoTracking().Include(e => e.Candidates)
            .SingleOrDefaultAsync(e => e.Id == id && e.BailleurId == BailleurId, cancellationToken);
        if (examination is null)
        {
            return false;
        }

        Examination = examination;
        var dwelling = await db.Dwellings.AsNoTracking().Where(d => d.Id == examination.DwellingId)
            .Select(d => new { d.Reference, d.Typology, Residence = d.Residence!.Name, d.Residence.Address, d.Residence.QpvCode, Commune = db.Communes.Where(c => c.InseeCode == d.Residence.CommuneInseeCode).Select(c => c.Name).Single() })
            .SingleAsync(cancellationToken);
        Dwelling = $"{dwelling.Reference} — {dwelling.Typology}, {dwelling.Residence}, {dwelling.Address}, {dwelling.Commune}";
        QpvCode = dwelling.QpvCode;
        Reservataire = await db.Reservataires.Where(r => r.Id == examination.ReservataireId).Select(r => r.Name).SingleAsync(cancellationToken);
        var demandIds = examination.Candidates.Select(a => a.DemandId).ToList();
        var people = await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Nur, Applicant = d.Members.Where(m => m.Role == CilPortal.Domain.Demands.HouseholdRole.Applicant).Select(m => m.FirstName + " " + m.LastName).FirstOrDefault() })
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        Candidates = [.. examination.Candidates
            .OrderBy(a => a.Rank ?? int.MaxValue).ThenBy(a => a.Decision).ThenBy(a => a.Id)
            .Select(a => new CandidateLine(a, people[a.DemandId].Nur, people[a.DemandId].Applicant ?? ""))];
        return true;
    }
}
