using System.Globalization;
using System.Text;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Importers;
using CilPortal.Infrastructure.Time;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur.Attributions;

/// <summary>
/// The agent's examinations of a year as CSV: the import's columns, then the CIA classification of each lease.
/// Only the agent's bailleur: the query filters on it.
/// </summary>
public class ExportModel(CilPortalDbContext db, ParisClock clock, AuditLog audit) : BailleurPageModel
{
    public async Task<IActionResult> OnGetAsync(int? annee, CancellationToken cancellationToken)
    {
        var year = annee is { } y && y >= clock.Today.Year - 10 && y <= clock.Today.Year ? y : clock.Today.Year;
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var rows = await db.CaleolExaminations.AsNoTracking()
            .Where(e => e.BailleurId == BailleurId && e.SessionDate >= start && e.SessionDate <= end)
            .SelectMany(e => e.Candidates, (e, a) => new { e, a })
            .Join(db.Dwellings, x => x.e.DwellingId, d => d.Id, (x, d) => new { x.e, x.a, d.Reference })
            .Join(db.Reservataires, x => x.e.ReservataireId, r => r.Id, (x, r) => new { x.e, x.a, x.Reference, Reservataire = r.Name })
            .Join(db.Demands, x => x.a.DemandId, d => d.Id, (x, d) => new { x.e, x.a, x.Reference, x.Reservataire, d.Nur })
            .OrderBy(x => x.e.SessionDate).ThenBy(x => x.e.Id).ThenBy(x => x.a.Rank)
            .ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.Append(AllocationImporter.Header).Append(";qpv;unites_consommation;ressources_par_uc;seuil_premier_quartile;premier_quartile;public_prioritaire\r\n");
        foreach (var x in rows)
        {
            var c = x.a.Classification;
            string[] fields =
            [
                x.Reference, Date(x.e.SessionDate), x.Reservataire, x.Nur,
                AllocationImporter.Decisions.Single(d => d.Value == x.a.Decision).Key, x.a.Rank?.ToString(CultureInfo.InvariantCulture) ?? "",
                x.a.DecisionReason ?? "", x.e.FewerCandidatesReason ?? "",
                AllocationImporter.Answers.Single(d => d.Value == x.a.Answer).Key, Date(x.a.AnsweredOn), Date(x.a.LeaseSignedOn), x.a.IsUrbanRenewalRehousing ? "oui" : "non",
                c is null ? "" : c.QpvCode ?? "hors QPV",
                c?.ConsumptionUnits.ToString("0.0#", CultureInfo.InvariantCulture) ?? "",
                c?.AnnualResourcesPerUnit?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                c?.FirstQuartileThreshold?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                c?.IsFirstQuartile switch { true => "oui", false => "non", _ => "" },
                c is null ? "" : c.IsPriorityPublic ? "oui" : "non",
            ];
            CsvText.AppendLine(csv, fields);
        }

        await audit.WriteAsync(HttpContext.Actor(), AuditActions.AllocationsExport, $"Export CSV des attributions {year} : {rows.Count} ligne(s).", "bailleur",
            BailleurId.ToString(CultureInfo.InvariantCulture), after: new { annee = year, lignes = rows.Count }, cancellationToken: cancellationToken);
        return File(CsvText.Bytes(csv), "text/csv; charset=utf-8", $"attributions-{year}.csv");
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
