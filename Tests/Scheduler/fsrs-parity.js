// Parity driver for FsrsParityTests: replays review histories through ts-fsrs (the reference
// FSRS-6 implementation) and prints the card after every review.
// stdin:  {"configs": {name: {learning_steps, relearning_steps, request_retention, maximum_interval}},
//          "histories": [{"config": name, "created": ms, "reviews": [{"at": ms, "rating": 1..4}]}]}
// stdout: [[{"s", "d", "due", "state", "reps", "lapses", "step"}, ...], ...] (one list per history)
'use strict';
const { fsrs, createEmptyCard } = require('ts-fsrs');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const schedulers = {};
  for (const [name, c] of Object.entries(request.configs)) {
    schedulers[name] = fsrs({
      learning_steps: c.learning_steps,
      relearning_steps: c.relearning_steps,
      request_retention: c.request_retention,
      maximum_interval: c.maximum_interval,
      enable_fuzz: false,
      enable_short_term: true,
    });
  }
  const results = request.histories.map((h) => {
    const f = schedulers[h.config];
    let card = createEmptyCard(new Date(h.created));
    return h.reviews.map((r) => {
      card = f.next(card, new Date(r.at), r.rating).card;
      return {
        s: card.stability,
        d: card.difficulty,
        due: card.due.getTime(),
        state: card.state,
        reps: card.reps,
        lapses: card.lapses,
        step: card.learning_steps,
      };
    });
  });
  process.stdout.write(JSON.stringify(results));
});
