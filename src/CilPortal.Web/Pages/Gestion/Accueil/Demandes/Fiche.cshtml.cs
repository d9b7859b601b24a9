using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Access;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Accueil.Demandes;

/// <summary>
/// The information sheet handed to the applicant (one printed A4 page): the demand number, the renewal date,
/// a new personal access code for /ma-demande/suivi, the reception points. Issuing a code invalidates the
/// previous one; the code is shown once, on this printout, and stored only hashed.
/// </summary>
public class FicheModel(CilPortalDbContext db, DemandAccessService access, DemandAccessAudit audit, ParisClock clock, CilPortal.Infrastructure.Email.JobOptions options) : PageModel
{
    public string Nur { get; private set; } = "";

    public DemandAccessPurpose Purpose { get; private set; }

    public Demand? Demand { get; private set; }

    public string? ApplicantName { get; private set; }

    /// <summary>The new code, only in the answer to the POST that issued it.</summary>
    public string? Code { get; private set; }

    public IReadOnlyList<CilPortal.Domain.Partners.ReceptionPoint> Places { get; private set; } = [];

    public string PortalUrl { get; private set; } = "";

    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(string nur, string? motif, CancellationToken cancellationToken) =>
        await PrepareAsync(nur, motif, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string nur, string? motif, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(nur, motif, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Code = await access.IssueAsync(Demand!.Id, cancellationToken);
        await audit.LogAsync(User.Identity?.Name, Demand.Id, Purpose, "code-acces", cancellationToken);
        Demand = await db.Demands.AsNoTracking().SingleAsync(d => d.Id == Demand.Id, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(string nur, string? motif, CancellationToken cancellationToken)
    {
        Nur = CilPortal.Domain.Demands.Nur.Normalise(nur);
        if (StaffDemandQuery.ParsePurpose(motif) is not { } purpose)
        {
            return Redirect($"/gestion/accueil/demandes/{Nur}");
        }

        Purpose = purpose;
        Demand = await db.Demands.AsNoTracking().Include(d => d.Members).SingleOrDefaultAsync(d => d.Nur == Nur, cancellationToken);
        if (Demand is null)
        {
            return NotFound();
        }

        var applicant = Demand.Members.FirstOrDefault(m => m.Role == HouseholdRole.Applicant);
        ApplicantName = applicant is null ? null : $"{applicant.FirstName} {applicant.LastName}";
        Places = await db.ReceptionPoints.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        PortalUrl = options.PublicUrl.TrimEnd('/');
        return null;
    }
}
