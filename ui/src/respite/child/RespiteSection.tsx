import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Section } from "../../cases/page/Section";
import { StayList } from "../stays/StayList";

/** The case page's 「レスパイト利用」: the child's stays and bookings, with their moves. */
export function RespiteSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  return (
    <Section
      title={t("respite.child.title")}
      testId="case-respite"
      action={
        <Button component={Link} to="/respite" variant="light" size="xs">
          {t("respite.child.book")}
        </Button>
      }
    >
      <StayList childId={childId} />
    </Section>
  );
}
