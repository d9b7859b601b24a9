using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur.Echanges;

/// <summary>The bailleur's exchange desk: tenancies to verify, listings to validate, reports to moderate, exchanges to review.</summary>
public class IndexModel(CilPortalDbContext db) : BailleurPageModel
{
    public sealed record MemberRow(int Id, string Pseudonym, string ContactName, string TenantReference, string Residence, DateTime RegisteredAt);

    public sealed record ListingRow(int Id, string Pseudonym, Typology Typology, decimal Surface, DateTime UpdatedAt);

    public sealed record ReportRow(int Id, int ListingId, string Pseudonym, ReportReason Reason, DateTime CreatedAt);

    public sealed record ProposalRow(int Id, ProposalStatus Status, int Households, int ToReview, DateTime CreatedAt);

    public IReadOnlyList<MemberRow> MembersToVerify { get; private set; } = [];

    public IReadOnlyList<ListingRow> ListingsToValidate { get; private set; } = [];

    public IReadOnlyList<ReportRow> OpenReports { get; private set; } = [];

    public IReadOnlyList<ProposalRow> Proposals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var bailleurId = BailleurId;
        MembersToVerify = await db.ExchangeMembers.AsNoTracking()
            .Where(m => m.BailleurId == bailleurId && m.Status == MemberStatus.AwaitingVerification)
            .OrderBy(m => m.RegisteredAt)
            .Select(m => new MemberRow(m.Id, m.Pseudonym, m.ContactName, m.TenantReference, m.Residence!.Name, m.RegisteredAt))
            .ToListAsync(cancellationToken);
        ListingsToValidate = await db.ExchangeListings.AsNoTracking()
            .Where(l => l.Member!.BailleurId == bailleurId && l.Status == ListingStatus.AwaitingValidation)
            .OrderBy(l => l.UpdatedAt)
            .Select(l => new ListingRow(l.Id, l.Member!.Pseudonym, l.Typology, l.Surface, l.UpdatedAt))
            .ToListAsync(cancellationToken);
        OpenReports = await db.ListingReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Open && db.ExchangeListings.Any(l => l.Id == r.ListingId && l.Member!.BailleurId == bailleurId))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new ReportRow(r.Id, r.ListingId, db.ExchangeListings.Where(l => l.Id == r.ListingId).Select(l => l.Member!.Pseudonym).First(), r.Reason, r.CreatedAt))
            .ToListAsync(cancellationToken);
        var mine = db.ExchangeMembers.Where(m => m.BailleurId == bailleurId).Select(m => m.Id);
        var rows = await db.ExchangeProposals.AsNoTracking()
            .Where(p => p.Participants.Any(x => x.ReceivingBailleurId == bailleurId || mine.Contains(x.MemberId)))
            .Select(p => new ProposalRow(p.Id, p.Status, p.Participants.Count,
                p.Participants.Count(x => x.ReceivingBailleurId == bailleurId && x.CaleolDecision == ExchangeCaleolDecision.Pending), p.CreatedAt))
            .ToListAsync(cancellationToken);
        Proposals = [.. rows.OrderBy(r => r.Status is ProposalStatus.UnderReview ? 0 : r.Status is ProposalStatus.AwaitingAnswers ? 1 : 2).ThenByDescending(r => r.CreatedAt).Take(100)];
    }
}
