using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Cia;

/// <summary>
/// What-if for the CIA, as an aid (the CALEOL decides): for a vacant dwelling and some candidate demands, how each
/// indicator of the year would move if the lease were signed today, and which candidate helps the targets most.
/// A GET form: nothing is written, and a simulation can be shared by its address.
/// </summary>
public class SimulationModel(CilPortalDbContext db, CiaDashboardService dashboard, ParisClock clock) : PageModel
{
    public const int MaxCandidates = 20;

    public sealed record DwellingChoice(int Id, string Label, int BailleurId, string Commune, string? QpvCode);

    public sealed record CandidateResult(string Nur, CiaClassification Classification, CiaRankedCandidate Ranking);

    public CiaDashboardData Data { get; private set; } = null!;

    public IReadOnlyList<DwellingChoice> Dwellings { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Reservataires { get; private set; } = [];

    public int? DwellingId { get; private set; }

    public int? ReservataireId { get; private set; }

    public string Candidates { get; private set; } = "";

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<CandidateResult> Results { get; private set; } = [];

    public async Task OnGetAsync(int? logement, int? reservataire, string? candidats, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        Data = await dashboard.LoadAsync(today.Year, today, cancellationToken);
        Dwellings = [.. (await db.Dwellings.AsNoTracking().Where(d => d.VacantSince != null).OrderBy(d => d.VacantSince)
                .Select(d => new { d.Id, d.Reference, d.Typology, Residence = d.Residence!.Name, d.Residence.BailleurId, d.Residence.CommuneInseeCode, d.Residence.QpvCode })
                .Take(300).ToListAsync(cancellationToken))
            .Select(d => new DwellingChoice(d.Id, $"{d.Reference} — {d.Typology}, {d.Residence} ({Data.BailleurNames.GetValueOrDefault(d.BailleurId, "?")}){(d.QpvCode is null ? "" : " — QPV")}", d.BailleurId, d.CommuneInseeCode, d.QpvCode))];
        Reservataires = [.. Data.ReservataireNames.OrderBy(r => r.Value, StringComparer.Ordinal).Select(r => (r.Key, r.Value))];
        DwellingId = logement;
        ReservataireId = reservataire;
        Candidates = candidats ?? "";
        if (!Request.Query.ContainsKey("logement") && !Request.Query.ContainsKey("candidats"))
        {
            return;
        }

        var errors = new List<string>();
        var dwelling = Dwellings.SingleOrDefault(d => d.Id == logement);
        if (dwelling is null)
        {
            errors.Add("Choisissez un logement vacant de la liste.");
        }

        if (reservataire is not { } reservataireId || !Data.ReservataireNames.ContainsKey(reservataireId))
        {
            errors.Add("Choisissez le réservataire du contingent sur lequel le logement est attribué.");
        }

        var nurs = Candidates.Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Nur.Normalise).Where(n => n.Length > 0).Distinct().ToList();
        if (nurs.Count == 0)
        {
            errors.Add("Indiquez au moins un numéro unique de demande candidate.");
        }
        else if (nurs.Count > MaxCandidates)
        {
            errors.Add($"Au plus {MaxCandidates} candidats par simulation.");
        }

        errors.AddRange(nurs.Where(n => !Nur.IsWellFormed(n)).Select(n => $"« {n} » n'est pas un numéro unique de 18 caractères."));
        var demands = await db.Demands.AsNoTracking().AsSplitQuery().Include(d => d.Members).Include(d => d.Resources)
            .Where(d => nurs.Contains(d.Nur)).ToListAsync(cancellationToken);
        errors.AddRange(nurs.Where(n => Nur.IsWellFormed(n) && demands.All(d => d.Nur != n)).Select(n => $"Aucune demande n° {n}."));
        Errors = errors;
        if (errors.Count > 0)
        {
            return;
        }

        var classified = demands.Select(d => (Demand: d, Classification: CiaClassifier.Classify(
            CiaClassifier.InputFor(d, today, dwelling!.QpvCode, Data.Settings.FirstQuartileThreshold, urbanRenewal: false, Data.Settings.PriorityPublicSituations)))).ToList();
        var ranked = CiaWhatIf.Rank(today.Year, today, Data.Counted, Data.Settings.Targets,
            classified.Select(c => new CiaCandidate(c.Demand.Id, c.Classification)), reservataire!.Value, dwelling!.BailleurId, dwelling.Commune);
        Results = [.. ranked.Select(r =>
        {
            var c = classified.Single(x => x.Demand.Id == r.CandidateId);
            return new CandidateResult(c.Demand.Nur, c.Classification, r);
        })];
    }
}
