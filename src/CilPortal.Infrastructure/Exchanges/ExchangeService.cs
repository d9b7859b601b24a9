using System.Net;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Exchanges;

/// <summary>The outcome of an exchange action: done (with the id it concerns) or refused with French messages by field.</summary>
public sealed record ExchangeResult(int? Id, IReadOnlyList<ExchangeRuleViolation> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ExchangeResult Done(int id) => new(id, []);

    public static ExchangeResult Refused(string field, string message) => new(null, [new ExchangeRuleViolation(field, message)]);

    public static ExchangeResult Refused(IReadOnlyList<ExchangeRuleViolation> errors) => new(null, errors);
}

/// <summary>What a tenant declares to join the marketplace.</summary>
public sealed record MembershipRequest(int BailleurId, int ResidenceId, string TenantReference, string ContactName, string? ContactPhone, bool AcceptsProposedChains);

/// <summary>The bailleur's review of one household of a proposal (the household moving into its dwelling).</summary>
public sealed record ParticipantReview(CheckOutcome Occupation, CheckOutcome Adaptation, CheckOutcome Arrears, string? Note);

/// <summary>
/// Membership, listings, proposals and their tracking. Every method that a bailleur agent calls takes the agent's
/// bailleur and touches only that bailleur's members, listings or households (another bailleur's id answers « not found »).
/// </summary>
public sealed class ExchangeService(CilPortalDbContext db, Outbox outbox, AuditLog audit, JobOptions portal, ExchangeGraphCache graph, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The member of an account with its residence, not tracked (see <see cref="MemberOfUser"/>).</summary>
    public Task<ExchangeMember?> MemberOfUserAsync(string userId, CancellationToken cancellationToken = default) =>
        MemberOfUser(db, userId, cancellationToken);

    /// <summary>
    /// Read at every page of the member's space (issue #11), not tracked: the pages only read it, and the changes go
    /// through this service's methods, which load what they change by the member's id.
    /// </summary>
    private static readonly Func<CilPortalDbContext, string, CancellationToken, Task<ExchangeMember?>> MemberOfUser = EF.CompileAsyncQuery(
        (CilPortalDbContext db, string userId, CancellationToken _) => db.ExchangeMembers.AsNoTracking().Include(m => m.Residence).FirstOrDefault(m => m.UserId == userId));

    // ---------------------------------------------------------------- membership

    public async Task<ExchangeResult> JoinAsync(string userId, MembershipRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ExchangeRuleViolation>();
        if (await db.ExchangeMembers.AnyAsync(m => m.UserId == userId, cancellationToken))
        {
            return ExchangeResult.Refused("", "Votre compte est déjà inscrit à la bourse d'échanges.");
        }

        if (!await db.Bailleurs.AnyAsync(b => b.Id == request.BailleurId, cancellationToken))
        {
            errors.Add(new("BailleurId", "Choisissez votre bailleur dans la liste."));
        }
        else if (!await db.Residences.AnyAsync(r => r.Id == request.ResidenceId && r.BailleurId == request.BailleurId, cancellationToken))
        {
            errors.Add(new("ResidenceId", "Choisissez votre résidence parmi celles de votre bailleur."));
        }

        var reference = request.TenantReference?.Trim() ?? "";
        if (reference.Length is 0 or > 40)
        {
            errors.Add(new("TenantReference", "Saisissez votre référence de locataire (au plus 40 caractères), elle figure sur votre avis d'échéance."));
        }

        var name = request.ContactName?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors.Add(new("ContactName", "Saisissez vos prénom et nom (au plus 100 caractères) : ils ne sont montrés qu'avec votre accord."));
        }

        if (errors.Count > 0)
        {
            return ExchangeResult.Refused(errors);
        }

        var member = new ExchangeMember
        {
            UserId = userId,
            BailleurId = request.BailleurId,
            ResidenceId = request.ResidenceId,
            TenantReference = reference,
            ContactName = name,
            ContactPhone = string.IsNullOrWhiteSpace(request.ContactPhone) ? null : request.ContactPhone.Trim(),
            AcceptsProposedChains = request.AcceptsProposedChains,
            Pseudonym = await FreePseudonymAsync(cancellationToken),
            RegisteredAt = Now,
        };
        db.ExchangeMembers.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return ExchangeResult.Done(member.Id);
    }

    public async Task<ExchangeResult> UpdatePreferencesAsync(int memberId, string contactName, string? contactPhone, bool acceptsProposedChains, CancellationToken cancellationToken = default)
    {
        var member = await db.ExchangeMembers.FirstAsync(m => m.Id == memberId, cancellationToken);
        var name = contactName?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            return ExchangeResult.Refused("ContactName", "Saisissez vos prénom et nom (au plus 100 caractères).");
        }

        member.ContactName = name;
        member.ContactPhone = string.IsNullOrWhiteSpace(contactPhone) ? null : contactPhone.Trim();
        member.AcceptsProposedChains = acceptsProposedChains;
        await db.SaveChangesAsync(cancellationToken);
        graph.Invalidate();
        return ExchangeResult.Done(member.Id);
    }

    /// <summary>A paused member comes back: visible and matched again.</summary>
    public async Task ResumeAsync(int memberId, CancellationToken cancellationToken = default)
    {
        var member = await db.ExchangeMembers.FirstAsync(m => m.Id == memberId, cancellationToken);
        member.PausedAt = null;
        member.PauseReason = null;
        await db.SaveChangesAsync(cancellationToken);
        graph.Invalidate();
    }

    public async Task<ExchangeResult> ReviewMemberAsync(int bailleurId, int memberId, bool approve, MemberRefusalReason reason, string? note, AuditActor agent, string agentUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var member = await db.ExchangeMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.BailleurId == bailleurId, cancellationToken);
        if (member is null)
        {
            return ExchangeResult.Refused("", "Ce locataire n'est pas inscrit chez votre bailleur.");
        }

        if (!approve && reason == MemberRefusalReason.None)
        {
            return ExchangeResult.Refused("Reason", "Choisissez le motif du refus.");
        }

        if (note?.Length > 500)
        {
            return ExchangeResult.Refused("Note", "Le commentaire compte au plus 500 caractères.");
        }

        member.Status = approve ? MemberStatus.Verified : MemberStatus.Refused;
        member.RefusalReason = approve ? MemberRefusalReason.None : reason;
        member.RefusalNote = approve ? null : note?.Trim();
        member.ReviewedAt = Now;
        member.ReviewedByUserId = agentUserId;
        if (!approve)
        {
            // A refused tenancy takes its listing out of the marketplace.
            foreach (var listing in await db.ExchangeListings.Where(l => l.MemberId == member.Id && l.Status != ListingStatus.Withdrawn).ToListAsync(cancellationToken))
            {
                listing.Status = ListingStatus.Withdrawn;
            }
        }

        audit.Add(agent, AuditActions.ExchangeMemberReview, approve ? "Inscription à la bourse d'échanges vérifiée" : $"Inscription refusée : {ExchangeLabels.RefusalReason(reason)}", "membre-echange", member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await NotifyMemberAsync(member, approve ? "Votre inscription à la bourse d'échanges est vérifiée" : "Votre inscription à la bourse d'échanges n'a pas été acceptée",
            approve
                ? "Votre bailleur a vérifié votre inscription. Vous pouvez publier l'annonce de votre logement."
                : $"Votre bailleur n'a pas accepté votre inscription. Motif : {ExchangeLabels.RefusalReason(reason)}.{(string.IsNullOrWhiteSpace(note) ? "" : " " + note.Trim())}",
            "/echanges/mon-espace", "echange-inscription", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        graph.Invalidate();
        return ExchangeResult.Done(member.Id);
    }

    // ---------------------------------------------------------------- listings

    /// <summary>Saves the member's listing and sends it to the bailleur for validation (every edit of a published listing too).</summary>
    public async Task<ExchangeResult> SaveListingAsync(int memberId, ExchangeListing values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var member = await db.ExchangeMembers.FirstAsync(m => m.Id == memberId, cancellationToken);
        if (member.Status != MemberStatus.Verified)
        {
            return ExchangeResult.Refused("", "Votre bailleur doit d'abord vérifier votre inscription.");
        }

        values.Description = values.Description?.Trim() ?? "";
        values.WantedCommunes = string.Join(',', values.WantedCommuneCodes.Order(StringComparer.Ordinal));
        var errors = ExchangeListingRules.Validate(values).ToList();
        var known = await db.Communes.Select(c => c.InseeCode).ToListAsync(cancellationToken);
        if (values.WantedCommuneCodes.Any(code => !known.Contains(code)))
        {
            errors.Add(new(nameof(ExchangeListing.WantedCommunes), "Choisissez les communes recherchées dans la liste."));
        }

        if (errors.Count > 0)
        {
            return ExchangeResult.Refused(errors);
        }

        var listing = await db.ExchangeListings.FirstOrDefaultAsync(l => l.MemberId == memberId, cancellationToken);
        if (listing is null)
        {
            listing = new ExchangeListing { MemberId = memberId, CreatedAt = Now };
            db.ExchangeListings.Add(listing);
        }
        else if (listing.Status == ListingStatus.Suspended)
        {
            return ExchangeResult.Refused("", "Votre annonce est suspendue par votre bailleur : contactez-le.");
        }

        listing.Typology = values.Typology;
        listing.Surface = values.Surface;
        listing.Rent = values.Rent;
        listing.Charges = values.Charges;
        listing.Floor = values.Floor;
        listing.HasLift = values.HasLift;
        listing.Accessibility = values.Accessibility;
        listing.HasOutdoorSpace = values.HasOutdoorSpace;
        listing.HasParking = values.HasParking;
        listing.Heating = values.Heating;
        listing.Description = values.Description;
        listing.WantedCommunes = values.WantedCommunes;
        listing.WantedTypologies = values.WantedTypologies;
        listing.MaxRentWithCharges = values.MaxRentWithCharges;
        listing.MinSurface = values.MinSurface;
        listing.MaxFloorWithoutLift = values.MaxFloorWithoutLift;
        listing.RequiredAccessibility = values.RequiredAccessibility;
        listing.MustHaves = values.MustHaves;
        listing.Status = ListingStatus.AwaitingValidation;
        listing.ModerationNote = null;
        listing.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        graph.Invalidate();
        return ExchangeResult.Done(listing.Id);
    }

    public async Task WithdrawListingAsync(int memberId, CancellationToken cancellationToken = default)
    {
        var listing = await db.ExchangeListings.FirstOrDefaultAsync(l => l.MemberId == memberId, cancellationToken);
        if (listing is not null && listing.Status != ListingStatus.Suspended)
        {
            listing.Status = ListingStatus.Withdrawn;
            listing.UpdatedAt = Now;
            await db.SaveChangesAsync(cancellationToken);
        graph.Invalidate();
        }
    }

    public async Task<ExchangeResult> AddPhotoAsync(int memberId, byte[] content, string contentType, int width, int height, CancellationToken cancellationToken = default)
    {
        var listing = await db.ExchangeListings.Include(l => l.Photos).FirstOrDefaultAsync(l => l.MemberId == memberId, cancellationToken);
        if (listing is null)
        {
            return ExchangeResult.Refused("Photo", "Enregistrez d'abord votre annonce, puis ajoutez les photos.");
        }

        if (listing.Photos.Count >= ExchangeListingRules.MaxPhotos)
        {
            return ExchangeResult.Refused("Photo", $"Une annonce compte au plus {ExchangeListingRules.MaxPhotos} photos : retirez-en une d'abord.");
        }

        listing.Photos.Add(new ListingPhoto
        {
            Content = content,
            ContentType = contentType,
            Width = width,
            Height = height,
            Position = listing.Photos.Count == 0 ? 0 : listing.Photos.Max(p => p.Position) + 1,
            UploadedAt = Now,
        });
        SendBackForValidation(listing);
        await db.SaveChangesAsync(cancellationToken);
        return ExchangeResult.Done(listing.Id);
    }

    public async Task RemovePhotoAsync(int memberId, int photoId, CancellationToken cancellationToken = default)
    {
        var listing = await db.ExchangeListings.Include(l => l.Photos).FirstOrDefaultAsync(l => l.MemberId == memberId, cancellationToken);
        var photo = listing?.Photos.FirstOrDefault(p => p.Id == photoId);
        if (listing is not null && photo is not null)
        {
            db.ListingPhotos.Remove(photo);
            SendBackForValidation(listing);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<ExchangeResult> ModerateListingAsync(int bailleurId, int listingId, bool publish, string? note, AuditActor agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var listing = await db.ExchangeListings.Include(l => l.Member)
            .FirstOrDefaultAsync(l => l.Id == listingId && l.Member!.BailleurId == bailleurId, cancellationToken);
        if (listing is null)
        {
            return ExchangeResult.Refused("", "Cette annonce n'est pas celle d'un locataire de votre bailleur.");
        }

        var reason = note?.Trim();
        if (!publish && string.IsNullOrEmpty(reason))
        {
            return ExchangeResult.Refused("Note", "Indiquez au locataire ce qu'il doit corriger.");
        }

        if (reason?.Length > 500)
        {
            return ExchangeResult.Refused("Note", "Le motif compte au plus 500 caractères.");
        }

        if (publish && listing.Member!.Status != MemberStatus.Verified)
        {
            return ExchangeResult.Refused("", "Vérifiez d'abord l'inscription du locataire.");
        }

        listing.Status = publish ? ListingStatus.Published : ListingStatus.Rejected;
        listing.ModerationNote = publish ? null : reason;
        listing.PublishedAt = publish ? Now : listing.PublishedAt;
        audit.Add(agent, AuditActions.ExchangeListingModeration, publish ? "Annonce d'échange publiée" : $"Annonce d'échange à corriger : {reason}", "annonce-echange", listing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await NotifyMemberAsync(listing.Member!, publish ? "Votre annonce d'échange est publiée" : "Votre annonce d'échange est à corriger",
            publish ? "Votre bailleur a validé votre annonce : elle est visible des autres locataires." : $"Votre bailleur demande une correction de votre annonce : {reason}",
            "/echanges/mon-annonce", "echange-annonce", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        graph.Invalidate();
        return ExchangeResult.Done(listing.Id);
    }

    // ---------------------------------------------------------------- favourites and reports

    public async Task<bool> ToggleFavouriteAsync(int memberId, int listingId, CancellationToken cancellationToken = default)
    {
        var existing = await db.ExchangeFavourites.FindAsync([memberId, listingId], cancellationToken);
        if (existing is not null)
        {
            db.ExchangeFavourites.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        if (!await VisibleListings().AnyAsync(l => l.Id == listingId && l.MemberId != memberId, cancellationToken))
        {
            return false;
        }

        db.ExchangeFavourites.Add(new ExchangeFavourite { MemberId = memberId, ListingId = listingId, CreatedAt = Now });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<ExchangeResult> ReportAsync(int memberId, int listingId, ReportReason reason, string? comment, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(reason))
        {
            return ExchangeResult.Refused("Reason", "Choisissez le motif du signalement.");
        }

        var text = comment?.Trim() ?? "";
        if (text.Length > 1000)
        {
            return ExchangeResult.Refused("Comment", "Le commentaire compte au plus 1 000 caractères.");
        }

        if (!await VisibleListings().AnyAsync(l => l.Id == listingId && l.MemberId != memberId, cancellationToken))
        {
            return ExchangeResult.Refused("", "Cette annonce n'est plus en ligne.");
        }

        if (await db.ListingReports.AnyAsync(r => r.ListingId == listingId && r.ReporterMemberId == memberId && r.Status == ReportStatus.Open, cancellationToken))
        {
            return ExchangeResult.Refused("", "Vous avez déjà signalé cette annonce : le bailleur l'examine.");
        }

        var report = new ListingReport { ListingId = listingId, ReporterMemberId = memberId, Reason = reason, Comment = text, CreatedAt = Now };
        db.ListingReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return ExchangeResult.Done(report.Id);
    }

    /// <summary>The bailleur keeps the listing (dismiss) or suspends it (uphold).</summary>
    public async Task<ExchangeResult> HandleReportAsync(int bailleurId, int reportId, bool uphold, AuditActor agent, string agentUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var report = await db.ListingReports.FirstOrDefaultAsync(r => r.Id == reportId && r.Status == ReportStatus.Open, cancellationToken);
        var listing = report is null ? null : await db.ExchangeListings.Include(l => l.Member)
            .FirstOrDefaultAsync(l => l.Id == report.ListingId && l.Member!.BailleurId == bailleurId, cancellationToken);
        if (report is null || listing is null)
        {
            return ExchangeResult.Refused("", "Ce signalement n'est plus à traiter.");
        }

        report.Status = uphold ? ReportStatus.Upheld : ReportStatus.Dismissed;
        report.HandledAt = Now;
        report.HandledByUserId = agentUserId;
        if (uphold)
        {
            listing.Status = ListingStatus.Suspended;
            listing.ModerationNote = $"Suspendue après un signalement ({ExchangeLabels.ReportReason(report.Reason)}).";
            foreach (var other in await db.ListingReports.Where(r => r.ListingId == listing.Id && r.Status == ReportStatus.Open && r.Id != report.Id).ToListAsync(cancellationToken))
            {
                other.Status = ReportStatus.Upheld;
                other.HandledAt = Now;
                other.HandledByUserId = agentUserId;
            }

            await NotifyMemberAsync(listing.Member!, "Votre annonce d'échange est suspendue",
                $"Votre bailleur a suspendu votre annonce après un signalement ({ExchangeLabels.ReportReason(report.Reason)}). Contactez-le pour la remettre en ligne.",
                "/echanges/mon-annonce", "echange-moderation", cancellationToken);
        }

        audit.Add(agent, AuditActions.ExchangeListingModeration, uphold ? "Annonce suspendue après signalement" : "Signalement classé sans suite", "annonce-echange", listing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        graph.Invalidate();
        return ExchangeResult.Done(listing.Id);
    }

    /// <summary>Published listings of verified members who are not paused: what other tenants see and what is matched.</summary>
    public IQueryable<ExchangeListing> VisibleListings() =>
        db.ExchangeListings.Where(l => l.Status == ListingStatus.Published && l.Member!.Status == MemberStatus.Verified && l.Member.PausedAt == null);

    // ---------------------------------------------------------------- proposals

    /// <summary>
    /// A member proposes a swap or a chain: <paramref name="listingIds"/> in order, starting with the member's own listing;
    /// each household moves into the next one's dwelling and the last into the first's. The proposer accepts at once with
    /// the NUR of their SNE demand.
    /// </summary>
    public async Task<ExchangeResult> ProposeAsync(int memberId, IReadOnlyList<int> listingIds, string? nur, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listingIds);
        if (listingIds.Count is < 2 or > ExchangeWorkflow.MaxParticipants || listingIds.Distinct().Count() != listingIds.Count)
        {
            return ExchangeResult.Refused("", "Une proposition réunit deux ou trois logements différents.");
        }

        var listings = await VisibleListings().Include(l => l.Member).ThenInclude(m => m!.Residence)
            .Where(l => listingIds.Contains(l.Id)).ToListAsync(cancellationToken);
        var ordered = listingIds.Select(id => listings.FirstOrDefault(l => l.Id == id)).ToList();
        if (ordered.Any(l => l is null))
        {
            return ExchangeResult.Refused("", "Une des annonces n'est plus en ligne : la proposition n'a pas été envoyée.");
        }

        if (ordered[0]!.MemberId != memberId)
        {
            return ExchangeResult.Refused("", "Une proposition part de votre propre annonce publiée.");
        }

        var candidates = ordered.Select(l => l!.ToCandidate(l.Member!.BailleurId, l.Member.Residence!.CommuneInseeCode, l.Member.Residence.IsInQpv)).ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            var next = candidates[ExchangeWorkflow.NextPosition(i, candidates.Count)];
            if (!ExchangeCriteria.Accepts(candidates[i].Wanted, next.Offered))
            {
                return ExchangeResult.Refused("", "Les logements ne correspondent plus aux critères de chacun : la proposition n'a pas été envoyée.");
            }
        }

        var nurCheck = await CheckNurAsync(nur, cancellationToken);
        if (nurCheck is not null)
        {
            return ExchangeResult.Refused("Nur", nurCheck);
        }

        var members = ordered.Select(l => l!.MemberId).ToList();
        var openStatuses = new[] { ProposalStatus.AwaitingAnswers, ProposalStatus.UnderReview };
        var open = await db.ExchangeProposals.Where(p => openStatuses.Contains(p.Status))
            .Select(p => p.Participants.Select(x => x.MemberId).ToList()).ToListAsync(cancellationToken);
        if (open.Any(set => set.Count == members.Count && set.All(members.Contains)))
        {
            return ExchangeResult.Refused("", "Une proposition entre ces mêmes logements est déjà en cours.");
        }

        var proposal = NewProposal(ProposalOrigin.Tenant, memberId, ordered!);
        proposal.Announced = true;
        var proposer = proposal.Participants[0];
        proposer.Answer = ParticipantAnswer.Accepted;
        proposer.AnsweredAt = Now;
        proposer.Nur = Nur.Normalise(nur);
        db.ExchangeProposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        await NotifyParticipantsAsync(proposal, exceptMemberId: memberId, "Une proposition d'échange vous attend",
            $"Un locataire vous propose un échange de logement{(proposal.Participants.Count == 3 ? " à trois" : "")}. Répondez dans les {ExchangeWorkflow.AnswerDelay.Days} jours.", "echange-proposition", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ExchangeResult.Done(proposal.Id);
    }

    internal ExchangeProposal NewProposal(ProposalOrigin origin, int? proposedBy, IReadOnlyList<ExchangeListing> ordered)
    {
        var proposal = new ExchangeProposal { Origin = origin, ProposedByMemberId = proposedBy, CreatedAt = Now, Version = Guid.NewGuid() };
        for (var i = 0; i < ordered.Count; i++)
        {
            var receiving = ordered[ExchangeWorkflow.NextPosition(i, ordered.Count)];
            proposal.Participants.Add(new ExchangeParticipant
            {
                Position = i,
                MemberId = ordered[i].MemberId,
                ListingId = ordered[i].Id,
                ReceivingBailleurId = receiving.Member!.BailleurId,
            });
        }

        return proposal;
    }

    /// <summary>Tells the households of the nightly proposals not yet announced that a proposal waits for them.</summary>
    public async Task NotifyNewProposalsAsync(CancellationToken cancellationToken = default)
    {
        var fresh = await db.ExchangeProposals.Include(p => p.Participants)
            .Where(p => p.Origin == ProposalOrigin.NightlyMatching && p.Status == ProposalStatus.AwaitingAnswers && !p.Announced)
            .ToListAsync(cancellationToken);
        foreach (var proposal in fresh)
        {
            proposal.Announced = true;
            await NotifyParticipantsAsync(proposal, null, "Le portail vous propose un échange de logement",
                $"La recherche de chaque nuit a trouvé un échange{(proposal.Participants.Count == 3 ? " à trois" : "")} où chaque ménage obtient un logement qui correspond à ses critères. Répondez dans les {ExchangeWorkflow.AnswerDelay.Days} jours.", "echange-proposition", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A participant accepts (with the NUR of their SNE demand) or declines.</summary>
    public async Task<ExchangeResult> AnswerAsync(int memberId, int proposalId, bool accept, string? nur, bool sharesContact, CancellationToken cancellationToken = default)
    {
        var proposal = await LoadProposalAsync(proposalId, cancellationToken);
        var participant = proposal?.Participants.FirstOrDefault(p => p.MemberId == memberId);
        if (proposal is null || participant is null)
        {
            return ExchangeResult.Refused("", "Cette proposition n'existe pas.");
        }

        if (proposal.Status != ProposalStatus.AwaitingAnswers || participant.Answer != ParticipantAnswer.Pending)
        {
            return ExchangeResult.Refused("", "Cette proposition n'attend plus votre réponse.");
        }

        if (accept)
        {
            var nurCheck = await CheckNurAsync(nur, cancellationToken);
            if (nurCheck is not null)
            {
                return ExchangeResult.Refused("Nur", nurCheck);
            }

            participant.Nur = Nur.Normalise(nur);
        }

        participant.Answer = accept ? ParticipantAnswer.Accepted : ParticipantAnswer.Declined;
        participant.AnsweredAt = Now;
        participant.SharesContact = accept && sharesContact;
        await AdvanceAsync(proposal, cancellationToken);
        return await SaveProposalAsync(proposal, cancellationToken);
    }

    public async Task<ExchangeResult> ShareContactAsync(int memberId, int proposalId, bool share, CancellationToken cancellationToken = default)
    {
        var proposal = await LoadProposalAsync(proposalId, cancellationToken);
        var participant = proposal?.Participants.FirstOrDefault(p => p.MemberId == memberId);
        if (proposal is null || participant is null)
        {
            return ExchangeResult.Refused("", "Cette proposition n'existe pas.");
        }

        participant.SharesContact = share;
        return await SaveProposalAsync(proposal, cancellationToken);
    }

    public async Task<ExchangeResult> PostMessageAsync(int memberId, int proposalId, string body, CancellationToken cancellationToken = default)
    {
        var errors = ExchangeListingRules.ValidateMessage(body);
        if (errors.Count > 0)
        {
            return ExchangeResult.Refused(errors);
        }

        var proposal = await LoadProposalAsync(proposalId, cancellationToken);
        if (proposal is null || proposal.Participants.All(p => p.MemberId != memberId))
        {
            return ExchangeResult.Refused("", "Cette proposition n'existe pas.");
        }

        if (proposal.Status is not (ProposalStatus.AwaitingAnswers or ProposalStatus.UnderReview))
        {
            return ExchangeResult.Refused("Body", "Cette proposition est close : la messagerie est fermée.");
        }

        proposal.Messages.Add(new ExchangeMessage { AuthorMemberId = memberId, Body = body.Trim(), SentAt = Now });
        await NotifyParticipantsAsync(proposal, memberId, "Nouveau message sur votre proposition d'échange",
            "Un participant vous a écrit. Lisez son message sur le portail (le message n'est pas recopié ici).", "echange-message", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ExchangeResult.Done(proposal.Id);
    }

    /// <summary>The receiving bailleur records its review of a household (occupation, adaptation, arrears).</summary>
    public async Task<ExchangeResult> ReviewParticipantAsync(int bailleurId, int participantId, ParticipantReview review, Guid version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        var (proposal, participant, error) = await ReceivingParticipantAsync(bailleurId, participantId, version, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (new[] { review.Occupation, review.Adaptation, review.Arrears }.Any(c => !Enum.IsDefined(c)))
        {
            return ExchangeResult.Refused("", "Choisissez un avis pour chaque vérification.");
        }

        if (review.Note?.Length > 1000)
        {
            return ExchangeResult.Refused("Note", "Le commentaire compte au plus 1 000 caractères.");
        }

        participant!.OccupationCheck = review.Occupation;
        participant.AdaptationCheck = review.Adaptation;
        participant.ArrearsCheck = review.Arrears;
        participant.ReviewNote = string.IsNullOrWhiteSpace(review.Note) ? null : review.Note.Trim();
        participant.ReviewedAt = Now;
        await AdvanceAsync(proposal!, cancellationToken);
        return await SaveProposalAsync(proposal!, cancellationToken);
    }

    /// <summary>The receiving bailleur records its CALEOL's decision for a household.</summary>
    public async Task<ExchangeResult> RecordCaleolAsync(int bailleurId, int participantId, ExchangeCaleolDecision decision, DateOnly? decidedOn, Guid version, CancellationToken cancellationToken = default)
    {
        var (proposal, participant, error) = await ReceivingParticipantAsync(bailleurId, participantId, version, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (decision == ExchangeCaleolDecision.Pending || !Enum.IsDefined(decision))
        {
            return ExchangeResult.Refused("Decision", "Choisissez la décision de la commission.");
        }

        if (decidedOn is null || decidedOn > DateOnly.FromDateTime(Now))
        {
            return ExchangeResult.Refused("DecidedOn", "Saisissez la date de la commission (pas dans le futur).");
        }

        if (decision == ExchangeCaleolDecision.Attribution
            && new[] { participant!.OccupationCheck, participant.AdaptationCheck, participant.ArrearsCheck }.Any(c => c != CheckOutcome.Favourable))
        {
            return ExchangeResult.Refused("Decision", "Enregistrez d'abord un examen favorable (occupation, adaptation, impayés) avant une attribution.");
        }

        participant!.CaleolDecision = decision;
        participant.CaleolDate = decidedOn;
        await AdvanceAsync(proposal!, cancellationToken);
        return await SaveProposalAsync(proposal!, cancellationToken);
    }

    /// <summary>A bailleur involved in the exchange cancels it, with a reason every participant reads.</summary>
    public async Task<ExchangeResult> CancelAsync(int bailleurId, int proposalId, string reason, Guid version, CancellationToken cancellationToken = default)
    {
        var proposal = await LoadProposalAsync(proposalId, cancellationToken);
        if (proposal is null || !await InvolvesBailleurAsync(proposal, bailleurId, cancellationToken))
        {
            return ExchangeResult.Refused("", "Cette proposition ne concerne pas votre bailleur.");
        }

        var text = reason?.Trim() ?? "";
        if (text.Length is 0 or > 500)
        {
            return ExchangeResult.Refused("Reason", "Indiquez le motif de l'annulation (au plus 500 caractères).");
        }

        if (proposal.Status is not (ProposalStatus.AwaitingAnswers or ProposalStatus.UnderReview))
        {
            return ExchangeResult.Refused("", "Cette proposition est déjà close.");
        }

        db.Entry(proposal).Property(p => p.Version).OriginalValue = version;
        proposal.Status = ProposalStatus.Cancelled;
        proposal.ClosedAt = Now;
        proposal.ClosingReason = $"Annulé par un bailleur : {text}";
        await NotifyParticipantsAsync(proposal, null, "Votre échange de logement est annulé", proposal.ClosingReason, "echange-suivi", cancellationToken);
        return await SaveProposalAsync(proposal, cancellationToken);
    }

    public async Task<bool> InvolvesBailleurAsync(ExchangeProposal proposal, int bailleurId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.Participants.Any(p => p.ReceivingBailleurId == bailleurId))
        {
            return true;
        }

        var memberIds = proposal.Participants.Select(p => p.MemberId).ToList();
        return await db.ExchangeMembers.AnyAsync(m => memberIds.Contains(m.Id) && m.BailleurId == bailleurId, cancellationToken);
    }

    public Task<ExchangeProposal?> LoadProposalAsync(int proposalId, CancellationToken cancellationToken = default) =>
        db.ExchangeProposals.Include(p => p.Participants).ThenInclude(p => p.Member).Include(p => p.Messages)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);

    /// <summary>
    /// Members who left a proposal unanswered for <see cref="ExchangeWorkflow.AnswerDelay"/>: their answer expires, the
    /// proposal closes, and they are paused (hidden and not matched) and told why by e-mail.
    /// </summary>
    public async Task<int> PauseSilentMembersAsync(CancellationToken cancellationToken = default)
    {
        var limit = Now - ExchangeWorkflow.AnswerDelay;
        var overdue = await db.ExchangeProposals.Include(p => p.Participants).ThenInclude(p => p.Member)
            .Where(p => p.Status == ProposalStatus.AwaitingAnswers && p.CreatedAt <= limit)
            .ToListAsync(cancellationToken);
        var paused = 0;
        foreach (var proposal in overdue)
        {
            foreach (var silent in proposal.Participants.Where(p => p.Answer == ParticipantAnswer.Pending))
            {
                silent.Answer = ParticipantAnswer.Expired;
                silent.AnsweredAt = Now;
                if (silent.Member!.PausedAt is null)
                {
                    silent.Member.PausedAt = Now;
                    silent.Member.PauseReason = $"Vous n'avez pas répondu pendant {ExchangeWorkflow.AnswerDelay.Days} jours à une proposition d'échange.";
                    paused++;
                    await NotifyMemberAsync(silent.Member, "Votre annonce d'échange est en pause",
                        $"Vous n'avez pas répondu pendant {ExchangeWorkflow.AnswerDelay.Days} jours à une proposition d'échange : votre annonce n'est plus montrée aux autres locataires. Vous pouvez la remettre en ligne depuis votre espace.",
                        "/echanges/mon-espace", "echange-pause", cancellationToken);
                }
            }

            await AdvanceAsync(proposal, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        graph.Invalidate();
        return paused;
    }

    /// <summary>Moves the proposal to the status its participants reach, and tells them when it changes.</summary>
    private async Task AdvanceAsync(ExchangeProposal proposal, CancellationToken cancellationToken)
    {
        var status = ExchangeWorkflow.Evaluate(proposal.Participants);
        if (status == proposal.Status)
        {
            return;
        }

        proposal.Status = status;
        switch (status)
        {
            case ProposalStatus.UnderReview:
                await NotifyParticipantsAsync(proposal, null, "Tous les participants ont accepté l'échange",
                    "Chaque bailleur examine maintenant la demande du ménage qui entrera dans son logement, puis sa commission d'attribution (CALEOL) décide. Suivez chaque étape sur le portail.", "echange-suivi", cancellationToken);
                break;
            case ProposalStatus.Completed:
                proposal.ClosedAt = Now;
                await NotifyParticipantsAsync(proposal, null, "Votre échange de logement est validé",
                    "Toutes les commissions d'attribution ont attribué les logements : votre bailleur vous contacte pour la signature du bail.", "echange-suivi", cancellationToken);
                break;
            case ProposalStatus.Cancelled or ProposalStatus.Declined:
                proposal.ClosedAt = Now;
                proposal.ClosingReason ??= ExchangeWorkflow.ClosingReason(proposal.Participants, p => p.Member?.Pseudonym ?? "Un participant");
                await NotifyParticipantsAsync(proposal, null, "Votre proposition d'échange est close", proposal.ClosingReason ?? "La proposition est close.", "echange-suivi", cancellationToken);
                break;
        }
    }

    private async Task<ExchangeResult> SaveProposalAsync(ExchangeProposal proposal, CancellationToken cancellationToken)
    {
        proposal.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ExchangeResult.Done(proposal.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ExchangeResult.Refused("", "Quelqu'un d'autre vient de modifier cet échange : rechargez la page pour voir son état et recommencez.");
        }
    }

    private async Task<(ExchangeProposal? Proposal, ExchangeParticipant? Participant, ExchangeResult? Error)> ReceivingParticipantAsync(int bailleurId, int participantId, Guid version, CancellationToken cancellationToken)
    {
        var proposalId = await db.ExchangeParticipants.Where(p => p.Id == participantId && p.ReceivingBailleurId == bailleurId).Select(p => (int?)p.ProposalId).FirstOrDefaultAsync(cancellationToken);
        var proposal = proposalId is null ? null : await LoadProposalAsync(proposalId.Value, cancellationToken);
        if (proposal is null)
        {
            return (null, null, ExchangeResult.Refused("", "Ce ménage n'entre pas dans un logement de votre bailleur."));
        }

        if (proposal.Status != ProposalStatus.UnderReview)
        {
            return (null, null, ExchangeResult.Refused("", "Cet échange n'est pas à l'étape de l'examen par les bailleurs."));
        }

        db.Entry(proposal).Property(p => p.Version).OriginalValue = version;
        return (proposal, proposal.Participants.First(p => p.Id == participantId), null);
    }

    private async Task<string?> CheckNurAsync(string? nur, CancellationToken cancellationToken)
    {
        var normalised = Nur.Normalise(nur);
        if (!Nur.IsWellFormed(normalised))
        {
            return "Saisissez le numéro unique de votre demande de logement social (18 caractères, sur votre attestation d'enregistrement) : chaque ménage d'un échange doit avoir une demande.";
        }

        return await db.Demands.AnyAsync(d => d.Nur == normalised && d.Status == DemandStatus.Active, cancellationToken)
            ? null
            : "Aucune demande active ne porte ce numéro sur le territoire. Déposez ou renouvelez votre demande de logement social, puis revenez.";
    }

    private async Task<string> FreePseudonymAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var pseudonym = ExchangePseudonyms.Create(Random.Shared);
            if (attempt >= 20 || !await db.ExchangeMembers.AnyAsync(m => m.Pseudonym == pseudonym, cancellationToken))
            {
                return attempt >= 20 ? $"{pseudonym}-{Guid.NewGuid().ToString("N")[..4]}" : pseudonym;
            }
        }
    }

    private static void SendBackForValidation(ExchangeListing listing)
    {
        if (listing.Status is ListingStatus.Published or ListingStatus.Rejected)
        {
            listing.Status = ListingStatus.AwaitingValidation;
        }
    }

    private async Task NotifyParticipantsAsync(ExchangeProposal proposal, int? exceptMemberId, string subject, string text, string kind, CancellationToken cancellationToken)
    {
        var memberIds = proposal.Participants.Select(p => p.MemberId).Where(id => id != exceptMemberId).ToList();
        var members = await db.ExchangeMembers.Where(m => memberIds.Contains(m.Id)).ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            await NotifyMemberAsync(member, subject, text, proposal.Id == 0 ? "/echanges/propositions" : $"/echanges/propositions/{proposal.Id}", kind, cancellationToken);
        }
    }

    private async Task NotifyMemberAsync(ExchangeMember member, string subject, string text, string path, string kind, CancellationToken cancellationToken)
    {
        var email = await db.Users.Where(u => u.Id == member.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrEmpty(email))
        {
            return;
        }

        var link = portal.PublicUrl.TrimEnd('/') + path;
        outbox.Enqueue(new EmailMessage(email, subject,
            $"Bonjour,\n\n{text}\n\n{link}\n",
            $"<p>Bonjour,</p><p>{WebUtility.HtmlEncode(text)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Ouvrir la bourse d'échanges</a></p>",
            kind));
    }
}
