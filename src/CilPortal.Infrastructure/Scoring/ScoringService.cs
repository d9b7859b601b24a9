using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Scoring;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Scoring;

[JsonSerializable(typeof(List<ScoreLine>))]
internal sealed partial class ScoreJsonContext : JsonSerializerContext;

/// <summary>An active demand with what the cotation needs, read in a few flat queries.</summary>
public sealed record ScoringSubject(int DemandId, string Nur, string? SimilarKey, ScoringFacts Facts);

/// <summary>
/// Keeps the stored scores of active demands in line with the grid in force: recomputes them all when a
/// grid is published, after an import, and every day (seniority grows), and ranks similar demands.
/// </summary>
public sealed class ScoringService(CilPortalDbContext db, ILogger<ScoringService> logger)
{
    private static readonly SemaphoreSlim RecomputeGate = new(1, 1);

    private static readonly ScoreJsonContext Json = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static readonly JsonEncodedText CodeProperty = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText LabelProperty = JsonEncodedText.Encode("label");
    private static readonly JsonEncodedText PointsProperty = JsonEncodedText.Encode("points");
    private static readonly JsonEncodedText ReasonProperty = JsonEncodedText.Encode("reason");

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? jsonWriter;

    /// <summary>
    /// The breakdown as stored: written by hand with a reused buffer, because every active demand's breakdown is
    /// serialised on each recomputation (readable French, read back by <see cref="Deserialise"/>).
    /// </summary>
    public static string Serialise(IReadOnlyList<ScoreLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = jsonWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        writer.WriteStartArray();
        foreach (var line in lines)
        {
            writer.WriteStartObject();
            writer.WriteString(CodeProperty, line.Code);
            writer.WriteString(LabelProperty, line.Label);
            writer.WriteNumber(PointsProperty, line.Points);
            writer.WriteString(ReasonProperty, line.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.Flush();

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<ScoreLine> Deserialise(string breakdown) => JsonSerializer.Deserialize(breakdown, Json.ListScoreLine) ?? [];

    public async Task<List<ScoringGrid>> PublishedGridsAsync(CancellationToken cancellationToken = default) =>
        await db.ScoringGrids.AsNoTracking()
            .Include(g => g.Criteria)
            .Include(g => g.Caps)
            .AsSplitQuery()
            .Where(g => g.Status == ScoringGridStatus.Published)
            .ToListAsync(cancellationToken);

    public async Task<ScoringGrid?> InForceAsync(DateOnly on, CancellationToken cancellationToken = default) =>
        ScoringGrid.InForce(await PublishedGridsAsync(cancellationToken), on);

    /// <summary>Every demand active on the day, with its facts.</summary>
    public async Task<List<ScoringSubject>> SubjectsAsync(DateOnly on, CancellationToken cancellationToken = default) =>
        await SubjectsAsync(on, null, cancellationToken);

    private async Task<List<ScoringSubject>> SubjectsAsync(DateOnly on, int? demandId, CancellationToken cancellationToken)
    {
        var active = db.Demands.AsNoTracking().ActiveOn(on);
        if (demandId is { } id)
        {
            active = active.Where(d => d.Id == id);
        }

        var demands = await active
            .Select(d => new
            {
                d.Id, d.Nur, d.FiledOn, d.IsPriorityPublic, d.IsDaloRecognised, d.CurrentHousing, d.Situations,
                d.CurrentOccupants, d.CurrentSurface, d.CurrentRent, d.WishedTypologies,
            })
            .ToListAsync(cancellationToken);
        var members = (await active.SelectMany(d => d.Members).Select(m => new { m.DemandId, m.Role }).ToListAsync(cancellationToken))
            .ToLookup(m => m.DemandId, m => m.Role);
        var resources = (await active.SelectMany(d => d.Resources).Select(r => new DemandResource { DemandId = r.DemandId, MonthlyAmount = r.MonthlyAmount, IsPaidOut = r.IsPaidOut }).ToListAsync(cancellationToken))
            .GroupBy(r => r.DemandId)
            .ToDictionary(g => g.Key, HouseholdResources.Monthly);
        var refusals = (await active.SelectMany(d => d.Events).Where(e => e.Kind == DemandEventKind.OfferRefused)
                .Select(e => new { e.DemandId, e.OccurredOn }).ToListAsync(cancellationToken))
            .ToLookup(e => e.DemandId, e => e.OccurredOn);
        var firstCommunes = (await active.SelectMany(d => d.WishedCommunes).Select(w => new { w.DemandId, w.Rank, w.CommuneInseeCode }).ToListAsync(cancellationToken))
            .GroupBy(w => w.DemandId)
            .ToDictionary(g => g.Key, g => g.MinBy(w => w.Rank)!.CommuneInseeCode);

        var subjects = new List<ScoringSubject>(demands.Count);
        foreach (var d in demands)
        {
            var roles = members[d.Id].ToList();
            var facts = new ScoringFacts(
                d.FiledOn, d.IsPriorityPublic, d.IsDaloRecognised, d.CurrentHousing, d.Situations,
                roles.Count,
                ScoringFacts.IsSingleParentHousehold(roles),
                d.CurrentOccupants, d.CurrentSurface, d.CurrentRent,
                resources.GetValueOrDefault(d.Id),
                [.. refusals[d.Id]]);
            var firstTypology = d.WishedTypologies.Members().Cast<Typology?>().FirstOrDefault();
            subjects.Add(new ScoringSubject(d.Id, d.Nur, SimilarDemands.Key(firstTypology, firstCommunes.GetValueOrDefault(d.Id)), facts));
        }

        return subjects;
    }

    /// <summary>True when some active demand has no score, or a score from another day or another grid.</summary>
    public async Task<bool> IsStaleAsync(DateOnly on, CancellationToken cancellationToken = default)
    {
        var grid = await InForceAsync(on, cancellationToken);
        var active = db.Demands.ActiveOn(on);
        if (grid is null)
        {
            return await db.DemandScores.AnyAsync(cancellationToken);
        }

        return await active.CountAsync(cancellationToken) != await db.DemandScores.CountAsync(cancellationToken)
            || await db.DemandScores.AnyAsync(s => s.ComputedOn != on || s.GridId != grid.Id, cancellationToken)
            || await active.AnyAsync(d => !db.DemandScores.Any(s => s.DemandId == d.Id), cancellationToken);
    }

    /// <summary>Replaces every stored score by the score of each active demand with the grid in force on the day.</summary>
    public async Task<int> RecomputeAllAsync(DateOnly on, CancellationToken cancellationToken = default)
    {
        // One recomputation at a time in this process: otherwise a slow one could overwrite the scores of a newer one.
        await RecomputeGate.WaitAsync(cancellationToken);
        try
        {
            return await RecomputeAllUnguardedAsync(on, cancellationToken);
        }
        finally
        {
            RecomputeGate.Release();
        }
    }

    private async Task<int> RecomputeAllUnguardedAsync(DateOnly on, CancellationToken cancellationToken)
    {
        var grid = await InForceAsync(on, cancellationToken);
        var subjects = grid is null ? [] : await SubjectsAsync(on, cancellationToken);
        var scores = grid is null ? [] : Score(grid, subjects, on);

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await db.DemandScores.ExecuteDeleteAsync(cancellationToken);
            foreach (var chunk in scores.Chunk(5000))
            {
                db.DemandScores.AddRange(chunk);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var score in chunk)
                {
                    db.Entry(score).State = EntityState.Detached;
                }
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }

        logger.LogInformation("Cotation recalculée pour {Count} demandes actives (grille version {Version}).", scores.Count, grid?.Version);
        return scores.Count;
    }

    /// <summary>
    /// Brings one demand's score up to date after it changed (an event, an edit) and re-ranks the groups of
    /// similar demands it left and joined, without recomputing every demand.
    /// </summary>
    public async Task RefreshDemandAsync(int demandId, DateOnly on, CancellationToken cancellationToken = default)
    {
        await RecomputeGate.WaitAsync(cancellationToken);
        try
        {
            await RefreshDemandUnguardedAsync(demandId, on, cancellationToken);
        }
        finally
        {
            RecomputeGate.Release();
        }
    }

    private async Task RefreshDemandUnguardedAsync(int demandId, DateOnly on, CancellationToken cancellationToken)
    {
        var grid = await InForceAsync(on, cancellationToken);
        var existing = await db.DemandScores.SingleOrDefaultAsync(s => s.DemandId == demandId, cancellationToken);
        var subject = grid is null ? null : (await SubjectsAsync(on, demandId, cancellationToken)).SingleOrDefault();
        var keys = new HashSet<string?>(StringComparer.Ordinal) { existing?.SimilarKey };
        if (grid is null || subject is null)
        {
            if (existing is not null)
            {
                db.DemandScores.Remove(existing);
            }
        }
        else
        {
            var fresh = Score(grid, [subject], on)[0];
            if (existing is null)
            {
                db.DemandScores.Add(fresh);
            }
            else
            {
                existing.GridId = fresh.GridId;
                existing.GridVersion = fresh.GridVersion;
                existing.Total = fresh.Total;
                existing.ComputedOn = fresh.ComputedOn;
                existing.Breakdown = fresh.Breakdown;
                existing.SimilarKey = fresh.SimilarKey;
            }

            keys.Add(fresh.SimilarKey);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var key in keys.Where(k => k is not null))
        {
            var group = await db.DemandScores.Where(s => s.SimilarKey == key).ToListAsync(cancellationToken);
            // A join rather than a list of ids: a group of a metropolis holds thousands of demands.
            var filedOn = await db.DemandScores.Where(s => s.SimilarKey == key)
                .Join(db.Demands, s => s.DemandId, d => d.Id, (s, d) => new { d.Id, d.FiledOn })
                .ToDictionaryAsync(x => x.Id, x => x.FiledOn, cancellationToken);
            var ranks = SimilarDemands.Rank(group.Select(s => new RankedDemand(s.DemandId, s.SimilarKey, s.Total, filedOn[s.DemandId])));
            foreach (var score in group)
            {
                (score.Rank, score.SimilarCount) = ranks[score.DemandId];
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Scores and ranks of the subjects with a grid (pure computation, nothing is saved).</summary>
    public static List<DemandScore> Score(ScoringGrid grid, IReadOnlyList<ScoringSubject> subjects, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(subjects);
        var calculator = new ScoreCalculator(grid);
        var scores = new List<DemandScore>(subjects.Count);
        foreach (var subject in subjects)
        {
            var result = calculator.Compute(subject.Facts, on);
            scores.Add(new DemandScore
            {
                DemandId = subject.DemandId,
                GridId = grid.Id,
                GridVersion = grid.Version,
                Total = result.Total,
                ComputedOn = on,
                Breakdown = Serialise(result.Lines),
                SimilarKey = subject.SimilarKey,
            });
        }

        var ranks = SimilarDemands.Rank(subjects.Select((s, i) => new RankedDemand(s.DemandId, s.SimilarKey, scores[i].Total, s.Facts.FiledOn)));
        foreach (var score in scores)
        {
            if (ranks.TryGetValue(score.DemandId, out var rank))
            {
                score.Rank = rank.Rank;
                score.SimilarCount = rank.Count;
            }
        }

        return scores;
    }
}
