import vm from 'node:vm';
import { render, screen } from '@testing-library/react';
import { formatDate } from '../../lib/content/dates';
import { PostDate } from './PostDate';

/**
 * Jest gives each test file a copy of `process` whose `env` is detached from the real one, so
 * `process.env.TZ = …` in a test does not reach Node's time zone hook. The host process (the
 * main context's global) has the real `env`; Node applies a TZ change there at once.
 */
const hostProcess = vm.runInThisContext('process') as NodeJS.Process;

function setTimeZone(timeZone: string | undefined) {
  for (const env of [hostProcess.env, process.env]) {
    if (timeZone === undefined) delete env.TZ;
    else env.TZ = timeZone;
  }
}

describe('PostDate', () => {
  it('renders a <time> with the machine-readable date and the date for people', () => {
    const { container } = render(<PostDate date="2017-12-15" locale="en-GB" />);
    const time = container.querySelector('time');
    expect(time).not.toBeNull();
    expect(time).toHaveAttribute('dateTime', '2017-12-15');
    expect(time).toHaveTextContent(/^15 December 2017$/);
    expect(screen.getByText('15 December 2017')).toBe(time);
  });

  it('formats for the locale it is given', () => {
    render(<PostDate date="2017-12-15" locale="en-US" />);
    expect(screen.getByText('December 15, 2017')).toHaveAttribute('dateTime', '2017-12-15');
  });

  describe('whatever the time zone of the machine that builds the site', () => {
    const originalTimeZone = hostProcess.env.TZ;
    afterEach(() => setTimeZone(originalTimeZone));

    it.each([
      // West of Greenwich: UTC midnight of the 15th is still the 14th there.
      { timeZone: 'America/Los_Angeles', localDayAtUtcMidnight: 14, utcDayAtLocalMidnight: 15 },
      // UTC+14: local midnight of the 15th is still the 14th in UTC.
      { timeZone: 'Pacific/Kiritimati', localDayAtUtcMidnight: 15, utcDayAtLocalMidnight: 14 },
    ])('keeps the 15th in $timeZone', ({ timeZone, localDayAtUtcMidnight, utcDayAtLocalMidnight }) => {
      setTimeZone(timeZone);
      // The zone is really in effect, so formatting through local time would show the 14th.
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(timeZone);
      expect(new Date('2017-12-15T00:00:00Z').getDate()).toBe(localDayAtUtcMidnight);
      expect(new Date(2017, 11, 15).getUTCDate()).toBe(utcDayAtLocalMidnight);

      const { container } = render(<PostDate date="2017-12-15" locale="en-GB" />);
      const time = container.querySelector('time');
      expect(time).toHaveAttribute('dateTime', '2017-12-15');
      expect(time).toHaveTextContent(/^15 December 2017$/);
      expect(formatDate('2017-01-01', 'en-GB')).toBe('1 January 2017');
      expect(formatDate('2017-12-31', 'en-GB')).toBe('31 December 2017');
    });

    it('restores the time zone after each test', () => {
      expect(hostProcess.env.TZ).toBe(originalTimeZone);
    });
  });
});
