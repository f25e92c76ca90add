import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MeetingTimer } from '../../renderer/src/features/meetings/parts/MeetingTimer';
import { renderWithI18n } from './harness';

// Each test uses its own meeting id: the clock is kept per meeting for the whole session.
let nextId = 9000;
// setTimeout stays real so that user-event's own small waits run; the clock's interval and Date are fake.
beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] }));
afterEach(() => vi.useRealTimers());

const tick = (seconds: number) => act(() => vi.advanceTimersByTime(seconds * 1000));
const setup = () => userEvent.setup();
const total = () => screen.getByRole('timer', { name: 'Kulunut aika' });

describe('meeting timer', () => {
  it('pauses and resumes from the keyboard, and says so once (not every second)', async () => {
    const user = setup();
    renderWithI18n(<MeetingTimer meetingId={nextId++} plannedMinutes={90} step="checkin" />);
    await tick(65);
    expect(total()).toHaveTextContent('1:05');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Pysäytä aika' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Aika pysäytetty');
    await tick(30);
    expect(total()).toHaveTextContent('1:05');
    expect(status).toHaveTextContent('Aika pysäytetty');
    const resume = screen.getByRole('button', { name: 'Jatka aikaa' });
    expect(resume).toHaveFocus(); // the same button, now the other way round: focus is not lost
    await user.keyboard('{Enter}');
    await tick(10);
    expect(total()).toHaveTextContent('1:15');
    expect(status).toHaveTextContent('Aika käy');
    await tick(20);
    expect(status).toHaveTextContent('Aika käy'); // the live region does not count the seconds
  });

  it('resets only with an undo at hand: a stray press does not lose the time', async () => {
    const user = setup();
    renderWithI18n(<MeetingTimer meetingId={nextId++} plannedMinutes={90} step="checkin" />);
    await tick(600);
    await user.click(screen.getByRole('button', { name: 'Nollaa aika' }));
    expect(total()).toHaveTextContent('0:00');
    expect(screen.getByRole('status')).toHaveTextContent('Aika nollattiin');
    await tick(5);
    await user.click(screen.getByRole('button', { name: 'Kumoa nollaus' }));
    expect(total()).toHaveTextContent('10:05');
    expect(screen.queryByRole('button', { name: 'Kumoa nollaus' })).not.toBeInTheDocument();
  });

  it('keeps the time spent in each step of the agenda', async () => {
    const id = nextId++;
    const view = renderWithI18n(<MeetingTimer meetingId={id} plannedMinutes={90} step="checkin" />);
    await tick(120);
    const step = () => screen.getByRole('timer', { name: 'Aika tässä vaiheessa' });
    expect(step()).toHaveTextContent('2:00');
    view.rerender(<MeetingTimer meetingId={id} plannedMinutes={90} step="theme" />);
    await tick(30);
    expect(step()).toHaveTextContent('0:30');
    expect(total()).toHaveTextContent('2:30');
    view.rerender(<MeetingTimer meetingId={id} plannedMinutes={90} step="checkin" />);
    await tick(1);
    expect(step()).toHaveTextContent('2:01');
  });

  it('speaks English too', () => {
    renderWithI18n(<MeetingTimer meetingId={nextId++} plannedMinutes={90} step="checkin" />, 'en');
    expect(screen.getByRole('button', { name: 'Pause time' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reset time' })).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: 'Time in this step' })).toBeInTheDocument();
  });
});
