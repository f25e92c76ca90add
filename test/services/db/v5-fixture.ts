import type { Database } from 'better-sqlite3';

/**
 * A realistic programme as version 5 of the schema (migrations 0001–0005) stored it, written with
 * plain SQL so that it does not depend on today's services: five members (one has left), an
 * agreement with an agreed version and acceptances, six meetings (held, planned, cancelled) with
 * notes, attendance and reasons for absence, themes, actions, tasks and ideas, anonymous and
 * named feedback with a shared quote, both self-checks, the evaluation, the decision, summary
 * settings and an export log. The full-text index fills itself through 0002's triggers.
 */
export function fillVersion5(db: Database): void {
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  db.transaction(() => {
    run(`INSERT INTO programme (id, name, organisation, facilitator_name, start_date, end_date) VALUES
      (1, 'Esihenkilöiden vertaisryhmä', 'Itä-Suomen ulosottovirasto', 'Päivi Äijälä', '2025-09-01', '2026-02-28')`);
    const members = ['Önni Mäkelä', 'Sari Järvinen', 'Jukka Kärkkäinen', 'Liisa Öhman', 'Aino Väänänen'];
    members.forEach((name, i) =>
      run('INSERT INTO member (id, name, role, email, left_on) VALUES (?, ?, ?, ?, ?)', i + 1, name, i === 0 ? 'Toimistopäällikkö' : '', i % 2 ? `jasen${i}@example.fi` : '', i === 4 ? '2026-01-15' : null),
    );
    run(`INSERT INTO setting (key, value) VALUES ('language', 'fi')`);

    run(`INSERT INTO agreement (id, started_from, duration, meeting_frequency, meeting_minutes, confidentiality) VALUES
      (1, 'fi', 'syyskuu–helmikuu', 'kerran kuukaudessa', 120, 'Mitä täällä puhutaan, jää tänne.')`);
    const goals: [string, string][] = [
      ['organisation', 'Esihenkilöiden työhyvinvointi paranee'],
      ['organisation', 'Työssäoppiminen kollegoilta'],
      ['member', 'Saan tukea vaikeisiin keskusteluihin'],
      ['group', 'Luottamuksellinen ilmapiiri'],
    ];
    goals.forEach(([kind, text], i) => run('INSERT INTO agreement_goal (id, kind, text, position) VALUES (?, ?, ?, ?)', i + 1, kind, text, i));
    ['Luottamus', 'Asiat, ei henkilöt', 'Saa olla hiljaa'].forEach((text, i) =>
      run('INSERT INTO agreement_rule (id, text, position) VALUES (?, ?, ?)', i + 1, text, i),
    );
    const meetings = [
      { id: 1, date: '2025-09-15', status: 'held', theme: 'Aloitus ja pelisäännöt' },
      { id: 2, date: '2025-10-13', status: 'held', theme: 'Vaikeat keskustelut' },
      { id: 3, date: '2025-11-10', status: 'held', theme: 'Muutosjohtaminen' },
      { id: 4, date: '2025-12-08', status: 'cancelled', theme: 'Joulutauko' },
      { id: 5, date: '2026-01-12', status: 'held', theme: 'Oma jaksaminen' },
      { id: 6, date: '2026-02-09', status: 'planned', theme: 'Päätös jatkosta' },
    ];
    const snapshot = {
      parties: { programmeName: 'Esihenkilöiden vertaisryhmä', organisation: 'Itä-Suomen ulosottovirasto', facilitatorName: 'Päivi Äijälä', startDate: '2025-09-01', endDate: '2026-02-28', members: members.map((name, i) => ({ id: i + 1, name })) },
      goals: goals.slice(0, 3).map(([kind, text], i) => ({ id: i + 1, kind, text })),
      rules: [{ id: 1, text: 'Luottamus' }, { id: 2, text: 'Asiat, ei henkilöt' }],
      practicalities: { duration: 'syyskuu–helmikuu', meetingFrequency: 'kerran kuukaudessa', meetingMinutes: 120, workingTime: '', costs: '', contact: '', tasks: '', confidentiality: 'Mitä täällä puhutaan, jää tänne.' },
      plan: meetings.map((m) => ({ id: m.id, number: m.id, plannedTheme: m.theme, plannedDate: m.date, plannedMonth: null, place: 'Kahvila Kaneli', format: 'cafe' })),
    };
    run(`INSERT INTO agreement_version (id, number, agreed_on, note, snapshot) VALUES (1, 1, '2025-09-15', 'Ensimmäisessä tapaamisessa', ?)`, JSON.stringify(snapshot));
    [1, 2, 3, 4].forEach((member) => run(`INSERT INTO agreement_acceptance (version_id, member_id, accepted_on) VALUES (1, ?, '2025-09-15')`, member));

    const notes: Record<number, string> = {
      1: 'Sovittiin pelisäännöt.\nJukka kertoi esihenkilön roolistaan ja kuormituksestaan; ryhmä kuunteli.',
      2: 'Keskustelimme vaikeasta palautekeskustelusta. Sari harjoitteli rooliharjoituksena.',
      3: '   ', // whitespace only: kept as it was
      5: 'Lyhyt tapaaminen. Öljylamppu-vertaus jäi mieleen.',
    };
    for (const m of meetings) {
      run(
        `INSERT INTO meeting (id, number, planned_theme, planned_date, place, format, status, notes, start_time, planned_minutes, updated_at)
         VALUES (?, ?, ?, ?, 'Kahvila Kaneli', 'cafe', ?, ?, '16:00', 120, ?)`,
        m.id, m.id, m.theme, m.date, m.status, notes[m.id] ?? '', `${m.date}T18:05:00.000Z`,
      );
    }
    run(`INSERT INTO meeting_plan_change (meeting_id, kind, old_value, new_value) VALUES (4, 'cancelled', '', ''), (2, 'moved', '2025-10-06', '2025-10-13')`);
    for (const m of meetings.filter((x) => x.status === 'held')) {
      members.slice(0, 4).forEach((_, i) => {
        const absent = (m.id + i) % 4 === 0;
        run('INSERT INTO attendance (meeting_id, member_id, present, absence_reason) VALUES (?, ?, ?, ?)', m.id, i + 1, absent ? 0 : 1, absent && i !== 2 ? `Poissa: ${i === 1 ? 'sairausloma' : 'koulutuspäivä Kuopiossa'}` : '');
      });
    }
    ['Työhyvinvointi', 'Muutosjohtaminen', 'Vaikeat keskustelut'].forEach((name, i) => run('INSERT INTO theme (id, name) VALUES (?, ?)', i + 1, name));
    [[1, 1], [2, 3], [2, 1], [3, 2], [5, 1]].forEach(([meeting, theme], i) =>
      run('INSERT INTO meeting_theme (meeting_id, theme_id, position) VALUES (?, ?, ?)', meeting, theme, i),
    );
    run(`INSERT INTO action (id, meeting_id, text, owner_member_id, due_date, status, reviewed_in_id) VALUES
      (1, 1, 'Kokeilen viikkopalaveria tiimin kanssa', 2, '2025-10-13', 'done', 2),
      (2, 2, 'Selvitän työnohjauksen mahdollisuudet', NULL, NULL, 'open', NULL),
      (3, 3, 'Jukka kysyy HR:ltä kuormituskyselyn tulokset', 3, '2025-12-01', 'dropped', 5)`);
    run(`INSERT INTO task (id, meeting_id, text, position) VALUES (1, 1, 'Kirjoita oppimispäiväkirjaa', 1), (2, 2, 'Mieti yksi tilanne, jossa onnistuit', 1)`);
    run(`INSERT INTO idea_to_forward (id, meeting_id, text, position) VALUES (1, 2, 'Yhteinen perehdytyspäivä uusille esihenkilöille', 1), (2, 5, 'Työnohjaus kaikille esihenkilöille', 1)`);

    // Feedback: anonymous rounds (random ids) for meetings 1 and 5, a named round for meeting 2.
    const questions = db.prepare(`SELECT id, preset FROM feedback_question`).all() as { id: number; preset: string }[];
    const q = (preset: string) => questions.find((x) => x.preset === preset)!.id;
    let surveyId = 0;
    const survey = (instrument: string, meetingId: number | null, phase: string | null, anonymous: boolean) => {
      surveyId += 1;
      run(`INSERT INTO feedback_survey (id, instrument, meeting_id, phase, anonymous) VALUES (?, ?, ?, ?, ?)`, surveyId, instrument, meetingId, phase, anonymous ? 1 : 0);
      return surveyId;
    };
    const respond = (survey: number, id: number, memberId: number | null, answers: [string, number | string][]) => {
      run(
        `INSERT INTO feedback_response (id, survey_id, anonymous, member_id, submitted_at) VALUES (?, ?, ?, ?, ?)`,
        id, survey, memberId === null ? 1 : 0, memberId, memberId === null ? null : '2025-10-13T19:00:00.000Z',
      );
      for (const [preset, value] of answers) {
        const column = typeof value === 'number' ? 'score' : preset === 'again' || preset === 'continuation' ? 'choice' : 'text';
        run(`INSERT INTO feedback_answer (response_id, question_id, ${column}) VALUES (?, ?, ?)`, id, q(preset), value);
      }
    };
    const end = (survey: number) => run(`UPDATE feedback_survey SET status = 'closed', ended_at = '2025-12-01T12:00:00.000Z' WHERE id = ?`, survey);
    const r1 = survey('round', 1, null, true);
    [[4, 5, 'Hyvä alku'], [3, 4, 'Turvallinen tunnelma'], [5, 5, 'Lisää aikaa'], [4, 4, 'Kahvi oli hyvää']].forEach(([u, d, k], i) =>
      respond(r1, 81_234_567_890 + i * 7_777_777, null, [['usefulness', u as number], ['dialogue', d as number], ['keep', k as string]]),
    );
    end(r1);
    run(`UPDATE feedback_answer SET shared_text = 'Tunnelma oli turvallinen' WHERE text = 'Turvallinen tunnelma'`);
    const r2 = survey('round', 2, null, false);
    [1, 2, 3].forEach((member) => respond(r2, 100 + member, member, [['usefulness', 3 + (member % 2)], ['change', `Muutos ${member}: enemmän aikaa`]]));
    end(r2);
    const r5 = survey('round', 5, null, true);
    respond(r5, 7_000_000_001, null, [['usefulness', 2]]);
    respond(r5, 5_000_000_003, null, [['usefulness', 3]]);
    // the last round is still collecting
    for (const phase of ['start', 'end']) {
      const s = survey('selfcheck', null, phase, true);
      [0, 1, 2].forEach((i) => respond(s, 900_000 + s * 10 + i, null, [['know', phase === 'start' ? 5 : 7], ['can', 6], ['able', 4 + i], ['want', 8]]));
      end(s);
    }
    const ev = survey('evaluation', null, null, true);
    [0, 1, 2].forEach((i) => respond(ev, 3_000_000 + i, null, [['wellbeing', 4], ['again', i ? 'yes' : 'maybe'], ['learned', `Opin kuuntelemaan ${i}`]]));
    end(ev);
    run(`INSERT INTO continuation_decision (id, decision, rationale, decided_on) VALUES (1, 'regular', 'Ryhmä haluaa jatkaa.', '2026-02-09')`);
    run(`INSERT INTO summary_settings (id, sections, attendance_names, language, conclusions) VALUES
      (1, '{"programme":true,"meetings":true,"themes":true,"ideas":true,"feedback":true,"evaluation":true,"decision":true}', 0, 'fi', 'Suosittelen jatkoa.')`);
    run(`INSERT INTO export_log (format, language, sections, attendance_names) VALUES ('pdf', 'fi', '["programme","meetings"]', 0)`);
  })();
}
