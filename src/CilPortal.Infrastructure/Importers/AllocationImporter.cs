using System.Globalization;
using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.ReferenceData;
using CilPortal.Infrastructure.Scoring;
using CilPortal.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Importers;

public sealed record AllocationImportReport(int Read, int Examinations, int AlreadyKnown, int Leases, IReadOnlyList<ImportLineError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports a bailleur's CALEOL examinations from CSV (separator «;», UTF-8, header <see cref="Header"/>), one line
/// per candidate; the lines of one dwelling and session date form one examination. The same rules as the entry
/// form apply, through <see cref="CaleolService"/>: at least 3 candidates or a reason (R441-3), reasons of
/// negative decisions, answers after an attribution, one lease. All or nothing: any bad line and nothing is
/// recorded; the report names the lines. An examination already recorded (same dwelling and date) is skipped.
/// </summary>
public sealed class AllocationImporter(CilPortalDbContext db, CaleolService caleol, ScoringService scoring, ParisClock clock, ILogger<AllocationImporter> logger)
{
    public const string Header = "identifiant_logement;date_commission;reservataire;numUnique;decision;rang;motifs;raison_moins_de_3;reponse;date_reponse;date_bail;renouvellement_urbain";

    public static readonly IReadOnlyDictionary<string, CaleolDecision> Decisions = new Dictionary<string, CaleolDecision>(StringComparer.OrdinalIgnoreCase)
    {
        ["ATTRIBUTION"] = CaleolDecision.Attribution,
        ["ATTRIBUTION_CONDITION"] = CaleolDecision.ConditionalAttribution,
        ["NON_ATTRIBUTION"] = CaleolDecision.NonAttribution,
        ["IRRECEVABILITE"] = CaleolDecision.Inadmissible,
    };

    public static readonly IReadOnlyDictionary<string, OfferAnswer> Answers = new Dictionary<string, OfferAnswer>(StringComparer.OrdinalIgnoreCase)
    {
        [""] = OfferAnswer.Pending,
        ["ACCEPTEE"] = OfferAnswer.Accepted,
        ["REFUSEE"] = OfferAnswer.Refused,
        ["SANS_REPONSE"] = OfferAnswer.NoAnswer,
    };

    private static readonly int ColumnCount = Header.Split(';').Length;

    private sealed record Line(
        int Number, string DwellingReference, DateOnly SessionDate, string Reservataire, CandidateDecision Candidate, string? FewerReason,
        OfferAnswer Answer, DateOnly? AnsweredOn, DateOnly? LeaseOn, bool UrbanRenewal);

    public async Task<AllocationImportReport> ImportAsync(int bailleurId, Stream file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var errors = new List<ImportLineError>();
        var lines = new List<Line>();
        if (CsvImportFile.Read(file, Header, record => Parse(record, errors), lines) is { } headerError)
        {
            return new AllocationImportReport(0, 0, 0, 0, [headerError]);
        }

        if (lines.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportLineError(1, null, "fichier", "le fichier ne contient aucun candidat."));
        }

        if (errors.Count > 0)
        {
            return Refused(lines.Count, errors);
        }

        var references = lines.Select(l => l.DwellingReference).Distinct().ToList();
        var dwellings = await db.Dwellings.AsNoTracking().Where(d => d.Residence!.BailleurId == bailleurId && references.Contains(d.Reference))
            .Select(d => new { d.Id, d.Reference }).ToListAsync(cancellationToken);
        var dwellingIds = dwellings.GroupBy(d => d.Reference, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var reservataires = await caleol.ReservatairesFor(bailleurId).AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var reservataireIds = reservataires.GroupBy(r => r.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            if (!dwellingIds.ContainsKey(line.DwellingReference))
            {
                errors.Add(new ImportLineError(line.Number, line.Candidate.Nur, "identifiant_logement", $"aucun logement « {line.DwellingReference} » dans votre patrimoine : importez d'abord le patrimoine."));
            }

            if (!reservataireIds.ContainsKey(line.Reservataire))
            {
                errors.Add(new ImportLineError(line.Number, line.Candidate.Nur, "reservataire", $"« {line.Reservataire} » n'est pas un réservataire connu (voir la liste sur la page d'import)."));
            }
        }

        if (errors.Count > 0)
        {
            return Refused(lines.Count, errors);
        }

        var examinations = 0;
        var known = 0;
        var leases = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var group in lines.GroupBy(l => (Dwelling: dwellingIds[l.DwellingReference], l.SessionDate)))
        {
            var head = group.First();
            var where = group.Count() == 1 ? $"{head.Number}" : $"{head.Number} à {group.Last().Number}";
            void GroupError(string message) => errors.Add(new ImportLineError(head.Number, $"logement {head.DwellingReference}, commission du {head.SessionDate:dd/MM/yyyy}, lignes {where}", "examen", message));
            if (group.Select(l => l.Reservataire).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
            {
                GroupError("un même examen relève d'un seul réservataire.");
                continue;
            }

            if (await db.CaleolExaminations.AnyAsync(e => e.DwellingId == group.Key.Dwelling && e.SessionDate == group.Key.SessionDate, cancellationToken))
            {
                known++;
                continue;
            }

            var reason = group.Select(l => l.FewerReason).FirstOrDefault(r => r is not null);
            var result = await caleol.CreateExaminationAsync(bailleurId,
                new ExaminationDraft(group.Key.Dwelling, group.Key.SessionDate, reservataireIds[head.Reservataire], reason, [.. group.Select(l => l.Candidate)]), cancellationToken);
            if (!result.Succeeded)
            {
                result.Errors.ToList().ForEach(GroupError);
                continue;
            }

            examinations++;
            var candidates = await db.Allocations.Where(a => a.ExaminationId == result.Id).Join(db.Demands, a => a.DemandId, d => d.Id, (a, d) => new { a.Id, d.Nur }).ToListAsync(cancellationToken);
            // Those ranked above answer first: the dwelling goes to rank n only after they refused.
            foreach (var line in group.Where(l => l.Answer != OfferAnswer.Pending).OrderBy(l => l.Candidate.Rank ?? int.MaxValue))
            {
                var id = candidates.Single(c => string.Equals(c.Nur, line.Candidate.Nur, StringComparison.OrdinalIgnoreCase)).Id;
                var answer = await caleol.RecordAnswerAsync(bailleurId, id, line.Answer, line.AnsweredOn, cancellationToken);
                answer.Errors.ToList().ForEach(e => errors.Add(new ImportLineError(line.Number, line.Candidate.Nur, "reponse", e)));
                if (answer.Succeeded && line.LeaseOn is { } leaseOn)
                {
                    var lease = await caleol.RecordLeaseAsync(bailleurId, id, leaseOn, line.UrbanRenewal, cancellationToken);
                    lease.Errors.ToList().ForEach(e => errors.Add(new ImportLineError(line.Number, line.Candidate.Nur, "date_bail", e)));
                    leases += lease.Succeeded ? 1 : 0;
                }
            }

            foreach (var line in group.Where(l => l.Answer == OfferAnswer.Pending && l.LeaseOn is not null))
            {
                errors.Add(new ImportLineError(line.Number, line.Candidate.Nur, "date_bail", "un bail suppose une réponse ACCEPTEE."));
            }
        }

        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Refused(lines.Count, errors);
        }

        await scoring.RecomputeAllAsync(clock.Today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Import d'attributions du bailleur {Bailleur} : {Examinations} examen(s), {Leases} bail(aux), {Known} déjà connu(s).", bailleurId, examinations, leases, known);
        return new AllocationImportReport(lines.Count, examinations, known, leases, []);
    }

    private AllocationImportReport Refused(int read, List<ImportLineError> errors)
    {
        logger.LogWarning("Import d'attributions refusé : {Errors} erreur(s).", errors.Count);
        return new AllocationImportReport(read, 0, 0, 0, [.. errors.OrderBy(e => e.Line)]);
    }

    private static Line? Parse(CsvRecord record, List<ImportLineError> errors)
    {
        var f = record.Fields;
        var n = record.LineNumber;
        if (f.Count != ColumnCount)
        {
            errors.Add(new ImportLineError(n, null, "colonnes", $"{ColumnCount} colonnes attendues séparées par « ; », {f.Count} trouvée(s)."));
            return null;
        }

        var before = errors.Count;
        var nur = CilPortal.Domain.Demands.Nur.Normalise(f[3]);
        void Error(string column, string message) => errors.Add(new ImportLineError(n, nur.Length == 0 ? null : nur, column, message));
        var reference = f[0].Trim();
        if (reference.Length == 0)
        {
            Error("identifiant_logement", "l'identifiant du logement est obligatoire.");
        }

        var session = Date(f[1], "date_commission", required: true, Error);
        var reservataire = f[2].Trim();
        if (reservataire.Length == 0)
        {
            Error("reservataire", "le réservataire est obligatoire.");
        }

        if (!CilPortal.Domain.Demands.Nur.IsWellFormed(nur))
        {
            Error("numUnique", "le numéro unique doit compter 18 caractères.");
        }

        if (!Decisions.TryGetValue(f[4].Trim(), out var decision))
        {
            Error("decision", $"décision attendue : {string.Join(", ", Decisions.Keys)}.");
        }

        int? rank = null;
        if (f[5].Trim().Length > 0)
        {
            if (int.TryParse(f[5].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                rank = parsed;
            }
            else
            {
                Error("rang", "rang attendu : un nombre entier (1 pour le premier).");
            }
        }

        if (!Answers.TryGetValue(f[8].Trim(), out var answer))
        {
            Error("reponse", "réponse attendue : vide, ACCEPTEE, REFUSEE ou SANS_REPONSE.");
        }

        var answeredOn = Date(f[9], "date_reponse", required: false, Error);
        var leaseOn = Date(f[10], "date_bail", required: false, Error);
        bool? urbanRenewal = f[11].Trim().ToUpperInvariant() switch
        {
            "" or "NON" or "0" => false,
            "OUI" or "1" => true,
            _ => null,
        };
        if (urbanRenewal is null)
        {
            Error("renouvellement_urbain", "attendu : oui ou non (vide vaut non).");
        }

        return errors.Count > before ? null : new Line(n, reference, session!.Value, reservataire,
            new CandidateDecision(nur, decision, rank, Blank(f[6])), Blank(f[7]), answer, answeredOn, leaseOn, urbanRenewal!.Value);
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? Date(string text, string column, bool required, Action<string, string> error)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            if (required)
            {
                error(column, $"date obligatoire ({CsvImportFile.DateFormatsText}).");
            }

            return null;
        }

        if (CsvImportFile.TryDate(trimmed, out var date))
        {
            return date;
        }

        error(column, $"date attendue au format {CsvImportFile.DateFormatsText}.");
        return null;
    }
}
