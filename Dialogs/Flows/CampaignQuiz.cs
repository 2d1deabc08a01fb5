namespace Beacon.Dialogs.Flows;

using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;
using Beacon.Dialogs.Presentation;
using Beacon.Scheduler.Sessions;
using Beacon.Training.Answers;
using Beacon.Training.Campaigns;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;

/// <summary>
/// The questions of a campaign session after the first one delivery sends. "Next question (2 of 3)"
/// on the feedback card and "Open my question" on the reminder carry the prompt id of the question
/// to send (<see cref="CampaignPrompt"/>); the question is recorded as issued under that id, so a
/// redelivered click sends the same prompt again. Card data is checked: a prompt id that does not
/// follow from what the learner was sent and answered opens nothing.
/// </summary>
public sealed class CampaignQuiz(
    ContentPack pack,
    ICampaignStore campaigns,
    ILearnerStore learners,
    IAnswerStore answers,
    IReviewStore reviews,
    CampaignSessions sessions,
    OptionShuffler shuffler,
    TimeProvider clock)
{
    /// <summary>The question after the one answered under <paramref name="promptId"/>; null outside a campaign session or after its last question.</summary>
    public async Task<SessionStep?> NextStepAsync(LearnerKey learner, string promptId, CancellationToken cancellationToken)
    {
        if (CampaignPrompt.TryParse(promptId) is not { } prompt ||
            await campaigns.GetAsync(new CampaignKey(learner.TenantId, prompt.CampaignId), cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return null;
        }

        var profile = await learners.GetAsync(learner, cancellationToken).ConfigureAwait(false);
        var total = sessions.SizeOf(campaign, prompt.LocalDate, profile?.Track, profile is null ? null : sessions.RegionCodeOf(profile));
        var next = prompt with { Index = prompt.Index + 1 };
        return next.Index < total ? new SessionStep(next.Id, next.Index + 1, total) : null;
    }

    /// <summary>The card of the campaign question with <paramref name="promptId"/>; null when it is not a campaign prompt id.</summary>
    public async Task<AdaptiveCard?> OpenAsync(Learner learner, string promptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (CampaignPrompt.TryParse(promptId) is not { } prompt)
        {
            return null;
        }

        var issued = await answers.GetIssuedAsync(learner.Key, promptId, cancellationToken).ConfigureAwait(false)
            ?? await IssueAsync(learner, prompt, cancellationToken).ConfigureAwait(false);
        if (issued is null)
        {
            return NoticeCard.Build(
                "That question isn't available",
                "It isn't part of a session I sent you, or the session has finished. Type **quiz** for a fresh question.",
                CommonActions.StartQuiz("New question"));
        }

        if (clock.GetUtcNow() - issued.IssuedAt > QuizFlow.AnswerWindow)
        {
            return NoticeCard.Build(
                "This session has closed",
                "Sessions stay open for a day. Your next one will come on the next session day; type **quiz** for a question now.",
                CommonActions.StartQuiz("New question"));
        }

        return pack.FindQuestion(issued.QuestionId) is { } question
            ? QuestionCard.Build(CardViews.Question(Placeholders.Fill(question, pack.RegionOf(learner, tenantDefaultRegion: null)), issued))
            : NoticeCard.Build(
                "This question has been retired",
                "The training team has removed this question. Type **quiz** for a new one.",
                CommonActions.StartQuiz("New question"));
    }

    /// <summary>Composes and records the prompt's question, if the prompt follows from the learner's session so far.</summary>
    private async Task<IssuedQuestion?> IssueAsync(Learner learner, CampaignPrompt prompt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var campaign = await campaigns.GetAsync(new CampaignKey(learner.Key.TenantId, prompt.CampaignId), cancellationToken).ConfigureAwait(false);
        if (campaign is null || !campaign.DeliversOn(prompt.LocalDate) || CampaignSessions.PhaseOn(campaign, prompt.LocalDate) != prompt.Phase ||
            !campaign.Includes(learner.Key.LearnerId, learner.Track) || Math.Abs(prompt.LocalDate.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber) > 1)
        {
            return null;
        }

        var history = await answers.ListAnswersAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        if (prompt.Index > 0)
        {
            // Only the question after one the learner has answered, while that one was still open.
            var previous = (prompt with { Index = prompt.Index - 1 }).Id;
            if (!history.Any(a => a.PromptId == previous && now - a.IssuedAt <= QuizFlow.AnswerWindow))
            {
                return null;
            }
        }

        var states = await reviews.ListAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        var question = sessions.QuestionAt(campaign, learner, prompt.LocalDate, prompt.Index, states, history, now);
        if (question is null)
        {
            return null;
        }

        var issued = new IssuedQuestion(learner.Key, prompt.Id, question.Id, question.Version, now, OnDemand: false)
        {
            OptionOrder = shuffler.Shuffle(question),
        };
        await answers.RecordIssuedAsync(issued, cancellationToken).ConfigureAwait(false);

        // Two clicks at once may compose different questions; the one recorded first is the prompt's.
        return await answers.GetIssuedAsync(learner.Key, prompt.Id, cancellationToken).ConfigureAwait(false);
    }

}
