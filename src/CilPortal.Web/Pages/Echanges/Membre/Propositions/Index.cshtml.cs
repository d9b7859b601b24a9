using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Echanges.Membre.Propositions;

/// <summary>The member's proposals, open ones first.</summary>
public class IndexModel(ExchangeService exchanges, CilPortalDbContext db) : MemberPageModel(exchanges)
{
    public sealed record Row(int Id, ProposalStatus Status, int Households, DateTime CreatedAt, ParticipantAnswer MyAnswer, ProposalOrigin Origin);

    public IReadOnlyList<Row> Proposals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ExchangeParticipants.AsNoTracking().Where(p => p.MemberId == Member.Id)
            .Join(db.ExchangeProposals, p => p.ProposalId, x => x.Id, (p, x) => new Row(x.Id, x.Status, x.Participants.Count, x.CreatedAt, p.Answer, x.Origin))
            .ToListAsync(cancellationToken);
        Proposals = [.. rows.OrderBy(r => r.Status is ProposalStatus.AwaitingAnswers or ProposalStatus.UnderReview ? 0 : 1).ThenByDescending(r => r.CreatedAt)];
    }
}
