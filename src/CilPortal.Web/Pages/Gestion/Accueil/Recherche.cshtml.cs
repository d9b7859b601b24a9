using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Accueil;

/// <summary>
/// Finds a demand by its number, by the applicant's name and birth date together, or by e-mail. Never by a
/// name alone: a desk searches for the person in front of it, not through the file.
/// </summary>
public class RechercheModel(CilPortalDbContext db, ParisClock clock) : PageModel
{
    public const int MaxResults = 20;

    public sealed record Result(string Nur, string Applicant, int BirthYear, int HouseholdSize, string Status, DateOnly FiledOn);

    [BindProperty(SupportsGet = true, Name = "nur")]
    public string? NurQuery { get; set; }

    [BindProperty(SupportsGet = true, Name = "nom")]
    public string? LastName { get; set; }

    [BindProperty(SupportsGet = true, Name = "naissance")]
    public DateOnly? BirthDate { get; set; }

    [BindProperty(SupportsGet = true, Name = "email")]
    public string? Email { get; set; }

    public IReadOnlyList<Result>? Results { get; private set; }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Demands.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(NurQuery))
        {
            var nur = Nur.Normalise(NurQuery);
            if (!Nur.IsWellFormed(nur))
            {
                ModelState.AddModelError("nur", "Le numéro unique compte 18 caractères, par exemple 1110318016982G1104.");
                return Page();
            }

            query = query.Where(d => d.Nur == nur);
        }
        else if (!string.IsNullOrWhiteSpace(LastName) || BirthDate is not null)
        {
            if (string.IsNullOrWhiteSpace(LastName) || BirthDate is null)
            {
                ModelState.AddModelError(BirthDate is null ? "naissance" : "nom", "Pour chercher par nom, indiquez aussi la date de naissance (et inversement).");
                return Page();
            }

            // LIKE without wildcards: an exact, case-insensitive match on both providers.
            var name = EscapeLike(LastName.Trim());
            var born = BirthDate.Value;
            query = query.Where(d => d.Members.Any(m => (m.Role == HouseholdRole.Applicant || m.Role == HouseholdRole.CoHolder) && EF.Functions.Like(m.LastName, name, "\\") && m.BirthDate == born));
        }
        else if (!string.IsNullOrWhiteSpace(Email))
        {
            var email = EscapeLike(Email.Trim());
            query = query.Where(d => EF.Functions.Like(d.ContactEmail!, email, "\\") || EF.Functions.Like(d.PortalEmail!, email, "\\"));
        }
        else
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var today = clock.Today;
        var rows = await query.OrderByDescending(d => d.FiledOn).Take(MaxResults)
            .Select(d => new
            {
                Demand = d,
                Applicant = d.Members.Where(m => m.Role == HouseholdRole.Applicant).Select(m => new { m.FirstName, m.LastName, m.BirthDate }).FirstOrDefault(),
                Size = d.Members.Count,
            })
            .ToListAsync(cancellationToken);
        Results = [.. rows.Select(r => new Result(
            r.Demand.Nur,
            r.Applicant is null ? "—" : $"{r.Applicant.FirstName} {r.Applicant.LastName}",
            r.Applicant?.BirthDate.Year ?? 0,
            r.Size,
            CilPortal.Web.Pages.MaDemande.DemandLabels.Status(r.Demand, today),
            r.Demand.FiledOn))];
        return Page();
    }
}
