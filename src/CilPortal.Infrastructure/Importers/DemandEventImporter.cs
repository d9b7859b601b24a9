using System.Globalization;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Demands;
using CilPortal.Infrastructure.ReferenceData;
using CilPortal.Infrastructure.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Importers;

public sealed record EventImportReport(int Read, int Recorded, int AlreadyKnown, IReadOnlyList<ImportLineError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports the dated events of demands from a CSV extract of the shared file (separator «;», UTF-8, header
/// <c>numUnique;date;evenement;detail;motifRadiation</c>). Every line is checked first; a file with any bad
/// line records nothing and the report names each line. An event already recorded (same demand, day, kind and
/// detail) is skipped, so a file can be imported twice. Events are recorded in date order through
/// <see cref="DemandEventRecorder"/>: the status follows and applicants who want notices get them.
/// </summary>
public sealed class DemandEventImporter(CilPortalDbContext db, DemandEventRecorder recorder, ScoringService scoring, ILogger<DemandEventImporter> logger)
{
    public const string Header = "numUnique;date;evenement;detail;motifRadiation";

    /// <summary>The event codes of the file and what they mean.</summary>
    public static readonly IReadOnlyDictionary<string, DemandEventKind> Kinds = new Dictionary<string, DemandEventKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["RENOUVELLEMENT"] = DemandEventKind.Renewed,
        ["MISE_A_JOUR"] = DemandEventKind.Updated,
        ["LABEL_PRIORITAIRE"] = DemandEventKind.PriorityPublicLabel,
        ["LABEL_DALO"] = DemandEventKind.DaloLabel,
        ["DESIGNATION"] = DemandEventKind.Designated,
        ["DECISION_CALEOL"] = DemandEventKind.CaleolDecision,
        ["PROPOSITION"] = DemandEventKind.OfferMade,
        ["ACCEPTATION"] = DemandEventKind.OfferAccepted,
        ["REFUS"] = DemandEventKind.OfferRefused,
        ["BAIL"] = DemandEventKind.LeaseSigned,
        ["RADIATION"] = DemandEventKind.StruckOff,
    };

    /// <summary>The radiation reasons of R441-2-8, by their letter.</summary>
    public static readonly IReadOnlyDictionary<string, RadiationReason> Reasons = new Dictionary<string, RadiationReason>(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = RadiationReason.LeaseSigned,
        ["b"] = RadiationReason.Renunciation,
        ["c"] = RadiationReason.NoAnswerAfterWarning,
        ["d"] = RadiationReason.Inadmissible,
        ["e"] = RadiationReason.NotRenewed,
        ["f"] = RadiationReason.Merged,
    };

    private sealed record Line(int Number, string Nur, DemandEvent Event);

    public async Task<EventImportReport> ImportAsync(Stream file, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var errors = new List<ImportLineError>();
        var lines = new List<Line>();
        if (CsvImportFile.Read(file, Header, record => Parse(record, today, errors), lines) is { } headerError)
        {
            return Failed(headerError);
        }

        if (lines.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportLineError(1, null, "fichier", "le fichier ne contient aucun événement."));
        }

        var nurs = lines.Select(l => l.Nur).Distinct().ToList();
        var demands = await db.Demands.Include(d => d.Events).Where(d => nurs.Contains(d.Nur)).ToDictionaryAsync(d => d.Nur, cancellationToken);
        foreach (var line in lines.Where(l => !demands.ContainsKey(l.Nur)))
        {
            errors.Add(new ImportLineError(line.Number, line.Nur, "numUnique", "aucune demande de ce numéro n'est connue : importez d'abord la demande."));
        }

        foreach (var line in lines.Where(l => demands.TryGetValue(l.Nur, out var d) && l.Event.OccurredOn < d.FiledOn))
        {
            errors.Add(new ImportLineError(line.Number, line.Nur, "date", "l'événement est antérieur au dépôt de la demande."));
        }

        if (errors.Count > 0)
        {
            logger.LogWarning("Import d'événements refusé : {Errors} erreur(s).", errors.Count);
            return new EventImportReport(lines.Count, 0, 0, [.. errors.OrderBy(e => e.Line)]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recorded = 0;
        var known = 0;
        foreach (var line in lines.OrderBy(l => l.Event.OccurredOn).ThenBy(l => l.Number))
        {
            var demand = demands[line.Nur];
            if (demand.Events.Any(e => e.OccurredOn == line.Event.OccurredOn && e.Kind == line.Event.Kind && e.Detail == line.Event.Detail))
            {
                known++;
                continue;
            }

            recorder.Record(demand, line.Event);
            recorded++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await scoring.RecomputeAllAsync(today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Import d'événements : {Recorded} enregistré(s), {Known} déjà connu(s).", recorded, known);
        return new EventImportReport(lines.Count, recorded, known, []);
    }

    private static EventImportReport Failed(ImportLineError error) => new(0, 0, 0, [error]);

    private static Line? Parse(CsvRecord record, DateOnly today, List<ImportLineError> errors)
    {
        var f = record.Fields;
        var n = record.LineNumber;
        if (f.Count != 5)
        {
            errors.Add(new ImportLineError(n, null, "colonnes", $"5 colonnes attendues séparées par « ; », {f.Count} trouvée(s)."));
            return null;
        }

        var nur = CilPortal.Domain.Demands.Nur.Normalise(f[0]);
        var before = errors.Count;
        if (!CilPortal.Domain.Demands.Nur.IsWellFormed(nur))
        {
            errors.Add(new ImportLineError(n, f[0], "numUnique", "le numéro unique doit compter 18 caractères."));
        }

        if (!CsvImportFile.TryDate(f[1], out var on))
        {
            errors.Add(new ImportLineError(n, nur, "date", $"date attendue au format {CsvImportFile.DateFormatsText}."));
        }
        else if (on > today)
        {
            errors.Add(new ImportLineError(n, nur, "date", "la date est dans le futur."));
        }

        if (!Kinds.TryGetValue(f[2].Trim(), out var kind))
        {
            errors.Add(new ImportLineError(n, nur, "evenement", $"« {f[2].Trim()} » n'est pas un événement connu ({string.Join(", ", Kinds.Keys)})."));
        }

        var detail = f[3].Trim();
        if (detail.Length > 500)
        {
            errors.Add(new ImportLineError(n, nur, "detail", "le détail ne doit pas dépasser 500 caractères."));
        }

        RadiationReason? reason = null;
        var reasonText = f[4].Trim();
        if (kind == DemandEventKind.StruckOff)
        {
            if (!Reasons.TryGetValue(reasonText, out var parsed))
            {
                errors.Add(new ImportLineError(n, nur, "motifRadiation", "une radiation doit avoir son motif : une lettre de a à f (article R441-2-8)."));
            }
            else
            {
                reason = parsed;
            }
        }
        else if (reasonText.Length > 0)
        {
            errors.Add(new ImportLineError(n, nur, "motifRadiation", "un motif de radiation n'accompagne qu'un événement RADIATION."));
        }

        return errors.Count > before ? null : new Line(n, nur, new DemandEvent
        {
            OccurredOn = on,
            Kind = kind,
            Detail = detail.Length == 0 ? null : detail,
            RadiationReason = reason,
        });
    }
}
