import { Alert, Modal } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type CampaignTarget, recordSurveyAnswer } from "../../api";
import { AnswerForm, type DatedAnswer } from "../../providers/page/AnswerForm";
import { useProvider } from "../../providers/useProvider";
import { CAMPAIGNS_KEY } from "../useCampaigns";

type Props = { target: CampaignTarget; onClose: () => void };

/**
 * 「回答を入力」: the provider page's answer form, starting from the provider's current answers,
 * saved as this target's answer (record_survey_answer: a new conditions version from the survey,
 * and the target answered). The campaign is read again afterwards, and after a conflict too, so
 * a retry carries the new row version.
 */
export function SurveyAnswer({ target, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const provider = useProvider(target.provider_id);
  const refresh = () => client.invalidateQueries({ queryKey: CAMPAIGNS_KEY });

  if (provider.isError) {
    return (
      <Modal opened onClose={onClose} title={t("surveyPage.enterAnswer")}>
        <Alert color="red" title={t("surveyPage.providerLoadError")}>
          {provider.error.message}
        </Alert>
      </Modal>
    );
  }
  if (!provider.data) return null;

  const save = async (answer: DatedAnswer) => {
    try {
      await recordSurveyAnswer({
        target_id: target.id,
        row_version: target.row_version,
        ...answer,
      });
    } finally {
      void refresh();
    }
  };
  return <AnswerForm detail={provider.data} opened onClose={onClose} onSubmit={save} />;
}
